#pragma once
// JSON documents as the preview shows them: pretty-printed two spaces deep, with the lines
// each value occupies, so a JSON Pointer from a patch can be highlighted in the text; and such
// texts as ready-to-show documents for the read-only JSON views, laid out for a QPlainTextEdit
// and coloured exactly as the views colour JSON, but built in a worker thread, so that showing
// a large output on the UI thread only swaps documents.

#include "mdsl/json.h"

#include <QFont>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QTextDocument;

namespace KSyntaxHighlighting {
class Repository;
}

namespace studio {

class LargeText;

/// A document shared by the results that carry it and the view that shows it. Whoever lets
/// go of it last, it is not freed on the UI thread (that takes as long as building it).
using SharedTextDocument = std::shared_ptr<QTextDocument>;

struct RenderedJson {
    QString text;
    /// JSON Pointer -> [first line, last line] (0-based) of the value at that pointer.
    QHash<QString, QPair<int, int>> lines;
    /// The text as a ready-to-show document (buildJsonDocument), or null: the view makes one.
    SharedTextDocument document;
    /// The text with its lines indexed, for texts past kLargeTextLimit (largetextview.h): those
    /// are shown without a document, only their lines in view drawn. Null for smaller texts.
    std::shared_ptr<const LargeText> large;
};

/// Pretty-prints a document and records where each value is.
RenderedJson renderJson(const mdsl::Json& json);

/// The value at a JSON Pointer as short text (empty, *present false, when absent).
QString describeAt(const mdsl::Json* document, const QString& pointer, bool* present = nullptr);

/// The paths of the sample input as completion candidates, ".customer.name", breadth first,
/// at most `limit` of them (a large input must not flood the list). Arrays contribute their
/// first element's fields under "[0]".
QStringList sourcePaths(const mdsl::Json& input, int limit = 2000);

/// Above this size a JSON text is shown plain: highlighting megabytes costs too much.
inline constexpr qsizetype kJsonHighlightLimit = 256 * 1024;

/// How the JSON views show text: their font and the editor theme's name (empty: no colours).
/// Plain data, usable in any thread.
struct JsonStyle {
    QFont font;
    QString themeName;

    friend bool operator==(const JsonStyle&, const JsonStyle&) = default;
};

/// The style of the JSON views under the application's palette. UI thread only.
JsonStyle currentJsonStyle();

/// Colours JSON documents as the JSON views do (KSyntaxHighlighting's JSON definition), with a
/// repository of its own: in any thread, one at a time. It remembers the lines of the last
/// text it coloured: for an equal line in an equal state KSyntaxHighlighting guarantees equal
/// formats, so an output that changed in a few lines is coloured again in a few lines' time.
class JsonColourer {
public:
    /// With a repository of its own, made on first use, or `repository` (used by one thread).
    explicit JsonColourer(KSyntaxHighlighting::Repository* repository = nullptr);
    ~JsonColourer();
    JsonColourer(const JsonColourer&) = delete;
    JsonColourer& operator=(const JsonColourer&) = delete;

    void colour(QTextDocument& document, const QString& themeName);

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

/// Builds the document of a JSON text in the calling thread (any thread): a plain-text layout,
/// no undo, no wrapping, the style's font, and the colours of KSyntaxHighlighting's JSON
/// definition in the style's theme (texts over kJsonHighlightLimit stay plain), by `colourer`
/// if given. The document is handed to the application's main thread, ready for
/// QPlainTextEdit::setDocument.
SharedTextDocument buildJsonDocument(const QString& text, const JsonStyle& style, JsonColourer* colourer = nullptr);

/// The theme a document of buildJsonDocument is coloured for (empty: not coloured).
QString jsonDocumentTheme(const QTextDocument& document);

} // namespace studio
