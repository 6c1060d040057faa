#include "corpusrecordbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace studio {

CorpusRecordBar::CorpusRecordBar(QWidget* parent)
    : QFrame(parent)
    , label_(new QLabel(this))
    , accept_(new QPushButton(this))
    , back_(new QPushButton(this))
{
    setObjectName(QStringLiteral("corpusRecordBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label_, 1);
    layout->addWidget(accept_);
    layout->addWidget(back_);
    connect(back_, &QPushButton::clicked, this, &CorpusRecordBar::backRequested);
    connect(accept_, &QPushButton::clicked, this, &CorpusRecordBar::acceptRequested);
    retranslate();
    hide();
}

void CorpusRecordBar::showRecord(std::uint64_t line, const QString& corpusName)
{
    test_ = false;
    line_ = line;
    name_ = corpusName;
    accept_->hide();
    updateText();
    show();
}

void CorpusRecordBar::showTestCase(const QString& caseName, const QString& suiteName, bool canAccept)
{
    test_ = true;
    name_ = caseName;
    suite_ = suiteName;
    accept_->setVisible(canAccept);
    updateText();
    show();
}

QString CorpusRecordBar::text() const
{
    return label_->text();
}

void CorpusRecordBar::retranslate()
{
    accept_->setText(tr("&Accept Current Output…"));
    accept_->setToolTip(tr("Write the mapping's current output as this test's expected output"));
    back_->setText(tr("&Back to the Sample"));
    back_->setToolTip(tr("Put back the sample input that was there before"));
    updateText();
}

void CorpusRecordBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void CorpusRecordBar::updateText()
{
    if (test_)
        label_->setText(tr("Test case %1 of %2: the sample input is its input").arg(name_, suite_));
    else
        label_->setText(tr("Record %1 of %2: the preview shows both sides, differences marked")
                            .arg(QLocale().toString(qulonglong(line_)), name_));
}

} // namespace studio
