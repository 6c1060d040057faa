#pragma once
// The preview: the sample input (editable JSON), the V1 and V2 outputs side by side with their
// differences marked and navigable, each side's status, errors and time, and what production
// serves under the current flags. The V1 side can be pinned to another mapping file, or show
// the output production recorded (a repro bundle) against our answer for production's route.

#include "analysis.h"
#include "previewviewmodel.h"

#include "mdsl/engine.h"

#include <functional>
#include <memory>
#include <optional>

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QMenu;
class QListWidget;
class QPushButton;
class QToolButton;

namespace studio {

class JsonPane;
class JsonView;
class LargeText;

class PreviewPanel : public QWidget {
    Q_OBJECT

public:
    explicit PreviewPanel(QWidget* parent = nullptr);

    [[nodiscard]] JsonView* inputView() const;
    [[nodiscard]] JsonView* v1View() const;
    [[nodiscard]] JsonView* v2View() const;
    /// The sample input and the outputs as shown: in a text view, or past kLargeTextLimit in a
    /// view that draws only the lines in view (a large sample input is read-only).
    [[nodiscard]] JsonPane* inputPane() const { return input_; }
    [[nodiscard]] JsonPane* v1Pane() const { return v1_.view; }
    [[nodiscard]] JsonPane* v2Pane() const { return v2_.view; }
    /// The sample input's text (kept up to date as it is edited: the mapping's keystrokes
    /// must not copy a large input out of its editor each time).
    [[nodiscard]] const QString& inputText() const { return inputText_; }
    /// Makes `text` the sample input. A large text is in force at once (inputEdited) and shown
    /// once its lines are indexed, off the UI thread.
    void setInputText(const QString& text);
    /// A large sample input read and indexed off the UI thread (a file loaded, a paste).
    void setLargeInput(std::shared_ptr<const LargeText> text);
    /// The sample input is being read (a large file): says so in place of the input's problems
    /// until the next setInputText / setLargeInput. Empty: not loading.
    void setInputLoading(const QString& what);
    [[nodiscard]] bool inputLoading() const { return !loading_.isEmpty(); }
    /// The input shown is a temporary one (a corpus record): not the mapping's sample.
    void setInputTemporary(bool temporary) { inputTemporary_ = temporary; }
    [[nodiscard]] bool inputTemporary() const { return inputTemporary_; }
    /// The mapping's named samples, and the one shown (the workspace's; workspacecontroller.h).
    void setSamples(const QStringList& names, int current);
    [[nodiscard]] QComboBox* sampleSelector() const { return samples_; }

    /// Pins the V1 side to another mapping (its path and text); an empty path unpins.
    void setPinned(const QString& path, const QString& text);
    [[nodiscard]] QString pinnedPath() const { return pinnedPath_; }
    [[nodiscard]] const QString& pinnedText() const { return pinnedText_; }

    /// Shows production's recorded output on the left in place of the V1 engine, against our
    /// answer for production's route on the right (the engine the route and flags pick, V1 for
    /// a fallback), with the differences navigable as for V1/V2. nullptr: back to V1/V2.
    void setProductionOutput(std::shared_ptr<const mdsl::ReproProduction> production, mdsl::Route route);
    [[nodiscard]] bool showsProduction() const { return recorded_.has_value(); }
    /// Production's answer and route, for the next preview request (the engine judges ours).
    [[nodiscard]] const std::shared_ptr<const mdsl::ReproProduction>& production() const { return recordedProduction_; }
    [[nodiscard]] mdsl::Route productionRoute() const { return recordedRoute_; }
    /// Where production's output comes from, shown above the outputs (the tooltip may hold
    /// more, e.g. the bundle's notes). Empty hides it.
    void setBanner(const QList<Phrase>& banner, const QString& toolTip = QString());

    /// A run was requested: the current result is kept, marked as updating.
    void showRunning();
    void setResult(std::shared_ptr<const PreviewResult> result);
    [[nodiscard]] const PreviewResult& result() const { return *result_; }
    /// The result shown, shared (the "why" of a difference asks about this one).
    [[nodiscard]] const std::shared_ptr<const PreviewResult>& sharedResult() const { return result_; }
    /// The "why" line under the differences (rich text; its links name a side: "v1", "v2"),
    /// and the same as plain text. Empty hides it.
    void setWhy(const QString& html, const QString& plain);
    [[nodiscard]] const QString& whyText() const { return whyPlain_; }
    /// The output a side shows (its text and, when large, its lines), or nullptr: no output.
    [[nodiscard]] const RenderedJson* shownOutput(bool right) const;

    /// What the panel shows, as data (previewviewmodel.h): tests read it as a user reads the panel.
    [[nodiscard]] const PreviewViewModel& view() const { return view_; }
    /// The row of the "Production serves" line, where other features add their actions.
    [[nodiscard]] QHBoxLayout* productionBar() const { return productionBar_; }
    /// The list of differences (choosing one asks why it differs: differenceChosen).
    [[nodiscard]] QListWidget* differenceList() const { return diffList_; }
    [[nodiscard]] int differenceCount() const { return int(view_.differences.size()); }
    [[nodiscard]] int currentDifference() const { return current_; }
    void nextDifference();
    void previousDifference();

signals:
    void inputEdited();
    /// The V1 side was pinned to a file or unpinned.
    void pinChanged();
    /// The user chose another sample, asked for a new one (empty, or a copy of the one shown),
    /// renamed one or asked to remove one (after confirming).
    void sampleChosen(int index);
    void sampleAddRequested(bool copyCurrent);
    void sampleRenamed(int index, const QString& name);
    void sampleRemoveRequested(int index);
    void runRequested();
    void pinRequested();
    void loadInputRequested();
    /// An error of the V2 side (the editor's text) was activated.
    void jumpRequested(int start, int end);
    /// The user chose a difference (clicked it, or the previous/next buttons); -1: none.
    void differenceChosen(int index);
    /// The mouse rests on a line of an output view (shownOutput): the right side's, or the left's.
    void outputHovered(bool right, int line, const QPoint& globalPos, QWidget* view);
    /// A new result is shown (answers about the previous one no longer apply).
    void resultShown();
    /// A side's name was clicked in the why line ("v1", "v2").
    void whyLinkActivated(const QString& side);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Side {
        QLabel* title = nullptr;
        QLabel* status = nullptr;
        JsonPane* view = nullptr;
        QListWidget* errors = nullptr;
        QWidget* box = nullptr;
    };
    Side makeSide();
    void retranslate();
    void showOutputs();
    void refresh();
    void fillSide(Side& side, const PreviewSideView& view);
    [[nodiscard]] PreviewViewInput viewInput() const;
    void selectDifference(int index);
    /// Text pasted or dropped into the sample input that makes it large: indexed off the UI thread.
    void insertLarge(const QString& inserted);
    /// Makes the text (in a worker) and indexes its lines, then shows it as the sample input,
    /// unless another input came meanwhile.
    void indexInBackground(std::function<QString()> text);
    void renameSample();
    void removeSample();

    JsonPane* input_ = nullptr;
    QLabel* inputTitle_ = nullptr;
    QLabel* inputError_ = nullptr;
    QPushButton* loadButton_ = nullptr;
    QComboBox* samples_ = nullptr;
    QToolButton* samplesButton_ = nullptr;
    QMenu* samplesMenu_ = nullptr;
    QLabel* production_ = nullptr;
    QHBoxLayout* productionBar_ = nullptr;
    QLabel* banner_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QToolButton* pinButton_ = nullptr;
    QToolButton* previousButton_ = nullptr;
    QToolButton* nextButton_ = nullptr;
    QLabel* diffLabel_ = nullptr;
    QListWidget* diffList_ = nullptr;
    QLabel* why_ = nullptr;
    QString whyPlain_;
    Side v1_;
    Side v2_;

    std::shared_ptr<const PreviewResult> result_ = std::make_shared<const PreviewResult>();   ///< shared with the service, never copied
    bool haveResult_ = false;
    bool running_ = false;
    QString inputText_;
    QString loading_;
    quint64 inputGeneration_ = 0;   ///< the sample input's version: a late indexing of an older one is dropped
    bool settingInput_ = false;
    bool inputTemporary_ = false;
    QString pinnedPath_;
    QString pinnedText_;
    std::optional<EngineRun> recorded_;         ///< production's output, as a finished run
    std::shared_ptr<const mdsl::ReproProduction> recordedProduction_;
    mdsl::Route recordedRoute_ = mdsl::Route::V2Routed;
    PreviewViewModel view_;
    int current_ = -1;
};

} // namespace studio
