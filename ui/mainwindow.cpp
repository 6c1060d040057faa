#include "mainwindow.h"

#include "codeeditor.h"

#include "mdsl/version.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace studio {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , editor_(new CodeEditor(this))
    , cursorLabel_(new QLabel(this))
{
    setCentralWidget(editor_);
    statusBar()->addPermanentWidget(cursorLabel_);
    createActions();
    retranslate();

    connect(editor_->document(), &QTextDocument::modificationChanged, this, &QWidget::setWindowModified);
    connect(editor_, &QPlainTextEdit::cursorPositionChanged, this, &MainWindow::updateCursorPosition);
    resize(1100, 720);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    fileMenu_ = menuBar()->addMenu(QString());
    openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::showOpenDialog);
    openAction_->setShortcut(QKeySequence::Open);
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setShortcut(QKeySequence::Quit);

    helpMenu_ = menuBar()->addMenu(QString());
    aboutAction_ = helpMenu_->addAction(QString(), this, &MainWindow::showAbout);
}

void MainWindow::retranslate()
{
    fileMenu_->setTitle(tr("&File"));
    openAction_->setText(tr("&Open…"));
    quitAction_->setText(tr("&Quit"));
    helpMenu_->setTitle(tr("&Help"));
    aboutAction_->setText(tr("&About Mapping Studio"));
    updateTitle();
    updateCursorPosition();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    const QString name = path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName();
    setWindowTitle(tr("%1[*] — Mapping Studio").arg(name));
}

void MainWindow::updateCursorPosition()
{
    const QTextCursor cursor = editor_->textCursor();
    cursorLabel_->setText(tr("Line %1, Column %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1));
}

void MainWindow::setDocument(const QString& path, const QString& text)
{
    path_ = path;
    editor_->setPlainText(text);
    editor_->document()->setModified(false);
    updateTitle();
}

bool MainWindow::openFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Open"), tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    setDocument(path, text);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

void MainWindow::openBundledExample()
{
    openFile(QStringLiteral(":/examples/order-export.mdsl"));
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Mapping"), QString(),
                                                      tr("Mappings (*.mdsl);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Mapping Studio"),
                       tr("<h3>Mapping Studio %1</h3>"
                          "<p>Editor and debugger for the Mapping DSL.</p>"
                          "<p>Engine %2, language versions 1 and 2.</p>")
                           .arg(QApplication::applicationVersion(),
                                QString::fromUtf8(mdsl::engineVersion().data(),
                                                  qsizetype(mdsl::engineVersion().size()))));
}

} // namespace studio
