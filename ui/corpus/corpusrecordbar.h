#pragma once
// The bar above the side tabs while the sample input is a record of a corpus or a test case:
// "Record 1,234 of orders.ndjson", a way back to the sample that was there, and for a failing
// test, "Accept current output".

#include <QFrame>

#include <cstdint>

class QLabel;
class QPushButton;

namespace studio {

class CorpusRecordBar : public QFrame {
    Q_OBJECT

public:
    explicit CorpusRecordBar(QWidget* parent = nullptr);

    /// Shows the bar for record `line` of the corpus file `corpusName`.
    void showRecord(std::uint64_t line, const QString& corpusName);
    /// Shows the bar for a test case; `canAccept` offers "Accept current output".
    void showTestCase(const QString& caseName, const QString& suiteName, bool canAccept);
    /// What the bar says (tests read it).
    [[nodiscard]] QString text() const;
    [[nodiscard]] QPushButton* acceptButton() const { return accept_; }
    [[nodiscard]] QPushButton* backButton() const { return back_; }
    void retranslate();

signals:
    void backRequested();
    void acceptRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateText();

    QLabel* label_;
    QPushButton* accept_;
    QPushButton* back_;
    bool test_ = false;
    std::uint64_t line_ = 0;
    QString name_;
    QString suite_;
};

} // namespace studio
