// The window context forwards to the shell (MainWindow), whose friend it is.

#include "windowcontext.h"

#include "mainwindow.h"

#include <QStatusBar>
#include <QTabWidget>

namespace studio {

WindowContext::WindowContext(MainWindow& window)
    : window_(window)
{
}

QWidget* WindowContext::window() const
{
    return &window_;
}

CodeEditor* WindowContext::editor() const
{
    return window_.editor_;
}

AnalysisService* WindowContext::service() const
{
    return window_.service_;
}

const StudioSettings& WindowContext::settings() const
{
    return window_.settings_;
}

void WindowContext::applySettings(const StudioSettings& settings)
{
    window_.applySettings(settings);
}

void WindowContext::updateProfilesMenu()
{
    window_.updateProfilesMenu();
}

void WindowContext::showMessage(const QString& text, int timeoutMs)
{
    window_.statusBar()->showMessage(text, timeoutMs);
}

void WindowContext::addStatusWidget(QWidget* widget)
{
    window_.statusBar()->addPermanentWidget(widget);
}

int WindowContext::addSideTab(QWidget* widget, std::function<QString()> title)
{
    return window_.addSideTab(widget, std::move(title));
}

void WindowContext::showSideTab(QWidget* widget)
{
    window_.sideTabs_->setCurrentWidget(widget);
}

QString WindowContext::documentPath() const
{
    return window_.path_;
}

void WindowContext::setDocumentPath(const QString& path)
{
    window_.path_ = path;
    window_.updateTitle();
}

QString WindowContext::documentName() const
{
    return window_.documentName();
}

void WindowContext::updateTitle()
{
    window_.updateTitle();
}

bool WindowContext::openFile(const QString& path)
{
    return window_.openFile(path);
}

} // namespace studio
