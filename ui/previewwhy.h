#pragma once
// From a difference of the preview to its cause: choosing a difference asks each side's engine
// why its output has that value, or none (mdsl/explain.h), shows the answers under the
// difference list and selects the V2 side's rule in the editor; hovering a value of an output
// view shows the same answer as a tooltip. The sides are run again with a trace only then, in a
// background lane of their own (the preview's runs stay untraced and fast), and an answer for a
// result or a text that is no longer shown is dropped.

#include "backgroundlane.h"
#include "mappingbackend.h"

#include <QHash>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace studio {

class LargeText;
class PreviewPanel;

class PreviewWhy : public QObject {
    Q_OBJECT

public:
    /// `editorText` gives the editor's text now: an answer for another text is not shown.
    PreviewWhy(PreviewPanel* panel, std::shared_ptr<MappingBackend> backend, std::function<QString()> editorText, QObject* parent);
    ~PreviewWhy() override;

    /// What one side's answer says, as shown (interface language); `html`: as rich text.
    static QString whyText(const WhyAnswer& answer, bool html = false);

    /// Asks why both sides have their value, or none, at `pointer`; with `select`, the V2
    /// side's rule is selected in the editor when the answer comes.
    void explainDifference(const QString& pointer, bool select);
    /// Starts waiting requests now and delivers their answers (tests).
    void waitForIdle();
    /// The why line under the differences, as plain text ("" when none).
    [[nodiscard]] const QString& text() const { return plain_; }
    /// The last tooltip shown for a hovered value ("" when none).
    [[nodiscard]] const QString& hoverText() const { return hoverText_; }
    void retranslate();

signals:
    /// Select a rule of the editor's text (document positions).
    void jumpRequested(int start, int end);

protected:
    /// The mouse leaving a hovered view: an answer still on its way is not shown.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Job {
        std::shared_ptr<const PreviewResult> result;
        QString pointer;
        bool left = false;             ///< ask the left side (not when it is production's record)
        bool right = true;
        mdsl::EngineKind rightEngine = mdsl::EngineKind::V2;
        bool fallback = false;         ///< the right side is V1 answering as a fallback
        /// A hover: the line of the side's output (its text, or its lines when large) whose
        /// value is asked about; the pointer is found in the job, off the UI thread.
        int line = -1;
        QString text;
        std::shared_ptr<const LargeText> large;
    };
    struct Answers {
        std::shared_ptr<const PreviewResult> result;
        QString pointer;
        std::optional<WhyAnswer> left;
        std::optional<WhyAnswer> right;
        int line = -1;                 ///< a hover's line
    };
    struct Hover {
        QPoint globalPos;
        QPointer<QWidget> view;
        bool right = true;
        int line = -1;
    };

    [[nodiscard]] Job jobFor(const QString& pointer) const;
    [[nodiscard]] bool current(const Answers& answers) const;
    void show(const Answers& answers);
    void differenceChosen(int index);
    void hovered(bool right, int line, const QPoint& globalPos, QWidget* view);
    void showHover(const Answers& answers);
    void resultChanged();
    [[nodiscard]] QString sideName(bool right, bool html) const;

    PreviewPanel* panel_;
    std::function<QString()> editorText_;
    std::unique_ptr<BackgroundLane<Job, Answers>> differences_;
    std::unique_ptr<BackgroundLane<Job, Answers>> hovers_;
    bool select_ = false;                 ///< the difference asked for was chosen by the user
    std::optional<Answers> shown_;        ///< what the why line says
    QHash<int, Answers> hoverCache_;      ///< per line and side (right: line + 1, left: -line - 1), for the result shown
    std::optional<Hover> hover_;          ///< where the last hover asked
    QString asked_;                       ///< the location the why line is about ("" when none)
    QString plain_;
    QString hoverText_;
};

} // namespace studio
