#pragma once
// The studio's main window.

#include <QMainWindow>

class QLabel;

namespace studio {

class CodeEditor;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a mapping file in the editor. Shows the reason and returns false on failure.
    bool openFile(const QString& path);
    /// Opens the bundled example (the V2 order export).
    void openBundledExample();

    [[nodiscard]] CodeEditor* editor() const { return editor_; }
    /// The path of the open document; ":/examples/..." for a bundled example.
    [[nodiscard]] QString currentPath() const { return path_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void retranslate();
    void updateTitle();
    void updateCursorPosition();
    void showOpenDialog();
    void showAbout();
    void setDocument(const QString& path, const QString& text);

    CodeEditor* editor_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QString path_;

    QMenu* fileMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

} // namespace studio
