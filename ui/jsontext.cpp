#include "jsontext.h"

#include "syntaxrepository.h"

#include "mdsl/jsondiff.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>

#include <QApplication>
#include <QFontDatabase>
#include <QPlainTextDocumentLayout>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QThread>

#include <deque>

namespace studio {

namespace {

/// Pretty-prints a document and notes the lines of each value by its JSON Pointer. Iterative:
/// a sample input nests as deep as it likes (10,000 levels) without deepening the stack, and
/// the pointer is one string that grows and shrinks as the walk goes down and up.
class Printer {
public:
    RenderedJson result;

    void print(const mdsl::Json& root)
    {
        if (!open(root, 0))
            return;
        while (!stack_.empty()) {
            Frame& frame = stack_.back();
            if (frame.next == frame.value->end()) {
                pad(frame.indent);
                out_ += frame.value->is_object() ? '}' : ']';
                pointer_.resize(frame.pointerSize);
                record(frame.first);
                stack_.pop_back();
                childWritten();
                continue;
            }
            const mdsl::Json& child = *frame.next;
            pointer_.resize(frame.pointerSize);
            pointer_ += '/';
            pad(frame.indent + 2);
            if (frame.value->is_object()) {
                pointer_ += mdsl::pointerToken(frame.next.key());
                out_ += mdsl::Json(frame.next.key()).dump(-1, ' ', false, mdsl::Json::error_handler_t::replace);
                out_ += ": ";
            } else {
                pointer_ += std::to_string(frame.index);
            }
            ++frame.next;
            ++frame.index;
            const int indent = frame.indent + 2;   // `frame` may move when a child is pushed
            if (!open(child, indent))
                childWritten();
        }
    }

    void finish() { result.text = QString::fromStdString(out_); }

private:
    struct Frame {
        const mdsl::Json* value;
        mdsl::Json::const_iterator next;   ///< the next member or element to write
        std::size_t index;                 ///< its position
        int first;                         ///< the line the container starts on
        int indent;
        std::size_t pointerSize;           ///< the container's pointer is pointer_'s first bytes
    };

    /// Writes a scalar or an empty container whole (false), or opens a container (true).
    bool open(const mdsl::Json& value, int indent)
    {
        const int first = line_;
        if ((value.is_object() || value.is_array()) && !value.empty()) {
            out_ += value.is_object() ? "{\n" : "[\n";
            ++line_;
            stack_.push_back({&value, value.begin(), 0, first, indent, pointer_.size()});
            return true;
        }
        out_ += value.dump(-1, ' ', false, mdsl::Json::error_handler_t::replace);
        record(first);
        return false;
    }

    /// A child of the innermost open container is written: a comma when more follow.
    void childWritten()
    {
        if (stack_.empty())
            return;
        const Frame& parent = stack_.back();
        if (parent.next != parent.value->end())
            out_ += ',';
        out_ += '\n';
        ++line_;
    }

    void record(int first) { result.lines.insert(QString::fromStdString(pointer_), {first, line_}); }

    void pad(int n) { out_.append(std::size_t(n), ' '); }

    std::string out_;
    std::string pointer_;
    std::vector<Frame> stack_;
    int line_ = 0;
};

constexpr const char* kThemeProperty = "mdslJsonTheme";

/// The formats of KSyntaxHighlighting's highlighter for one line, as QSyntaxHighlighter would
/// give them to the line's layout (KSyntaxHighlighting::SyntaxHighlighter::applyFormat).
class LineFormatter final : public KSyntaxHighlighting::AbstractHighlighter {
public:
    LineFormatter(const KSyntaxHighlighting::Definition& definition, const KSyntaxHighlighting::Theme& theme)
    {
        setDefinition(definition);
        setTheme(theme);
    }

    QList<QTextLayout::FormatRange> formatLine(QStringView line, KSyntaxHighlighting::State* state)
    {
        ranges_.clear();
        *state = highlightLine(line, *state);
        return ranges_;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format& format) override
    {
        if (length == 0)
            return;
        const QTextCharFormat& charFormat = charFormatOf(format);
        // Adjacent pieces of one format make one range, as QSyntaxHighlighter merges them.
        if (!ranges_.isEmpty() && ranges_.last().start + ranges_.last().length == offset
            && ranges_.last().format == charFormat) {
            ranges_.last().length += length;
            return;
        }
        ranges_.append({offset, length, charFormat});
    }

private:
    const QTextCharFormat& charFormatOf(const KSyntaxHighlighting::Format& format)
    {
        auto it = formats_.find(format.id());
        if (it != formats_.end())
            return *it;
        QTextCharFormat tf;
        tf.setForeground(format.textColor(theme()));
        if (format.hasBackgroundColor(theme()))
            tf.setBackground(format.backgroundColor(theme()));
        if (format.isBold(theme()))
            tf.setFontWeight(QFont::Bold);
        if (format.isItalic(theme()))
            tf.setFontItalic(true);
        if (format.isUnderline(theme()))
            tf.setFontUnderline(true);
        if (format.isStrikeThrough(theme()))
            tf.setFontStrikeOut(true);
        return *formats_.insert(format.id(), tf);
    }

    QList<QTextLayout::FormatRange> ranges_;
    QHash<quint16, QTextCharFormat> formats_;
};

/// A line as KSyntaxHighlighting sees it: its text and the state the line before left.
struct LineKey {
    KSyntaxHighlighting::State state;
    QString text;

    friend bool operator==(const LineKey&, const LineKey&) = default;
};

size_t qHash(const LineKey& key, size_t seed = 0)
{
    return qHashMulti(seed, key.state, key.text);
}

struct LineFormats {
    QList<QTextLayout::FormatRange> ranges;
    KSyntaxHighlighting::State next;
};

/// Frees a document in its own thread (the UI thread), in an event of its own: any thread
/// may let go of it, and views may still hold cursors into it until then.
void freeDocument(QTextDocument* document)
{
    document->deleteLater();
}

} // namespace

struct JsonColourer::Impl {
    KSyntaxHighlighting::Repository* repository = nullptr;
    std::unique_ptr<KSyntaxHighlighting::Repository> ownRepository;
    std::unique_ptr<LineFormatter> formatter;
    QString themeName;
    QHash<LineKey, LineFormats> lastLines;   ///< the lines of the last text coloured
};

JsonColourer::JsonColourer(KSyntaxHighlighting::Repository* repository)
    : d_(std::make_unique<Impl>())
{
    d_->repository = repository;
}

JsonColourer::~JsonColourer() = default;

void JsonColourer::colour(QTextDocument& document, const QString& themeName)
{
    if (!d_->repository) {
        d_->ownRepository = std::make_unique<KSyntaxHighlighting::Repository>();
        // Used by one thread at a time, by any: it belongs to none.
        d_->ownRepository->moveToThread(nullptr);
        d_->repository = d_->ownRepository.get();
    }
    if (!d_->formatter || themeName != d_->themeName) {
        d_->formatter = std::make_unique<LineFormatter>(d_->repository->definitionForName(QStringLiteral("JSON")),
                                                        d_->repository->theme(themeName));
        d_->themeName = themeName;
        d_->lastLines.clear();
    }
    // For an equal state and an equal line KSyntaxHighlighting guarantees equal formats: the
    // lines the last text had too are not highlighted again.
    QHash<LineKey, LineFormats> lines;
    lines.reserve(document.blockCount());
    KSyntaxHighlighting::State state;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        LineKey key{state, block.text()};
        LineFormats formats;
        if (const auto it = d_->lastLines.constFind(key); it != d_->lastLines.constEnd()) {
            formats = *it;
        } else {
            formats.next = state;
            formats.ranges = d_->formatter->formatLine(key.text, &formats.next);
        }
        block.layout()->setFormats(formats.ranges);
        state = formats.next;
        lines.insert(std::move(key), std::move(formats));
    }
    d_->lastLines = std::move(lines);
}

RenderedJson renderJson(const mdsl::Json& json)
{
    Printer printer;
    printer.print(json);
    printer.finish();
    return std::move(printer.result);
}

QString describeAt(const mdsl::Json* document, const QString& pointer, bool* present)
{
    if (present)
        *present = false;
    if (!document)
        return {};
    try {
        const mdsl::Json::json_pointer ptr(pointer.toStdString());
        if (!document->contains(ptr))
            return {};
        if (present)
            *present = true;
        // Only what is shown is written: the value may be the whole of a 50 MB input.
        QString text = QString::fromStdString(mdsl::jsonExcerpt(document->at(ptr), 400));
        if (text.size() > 80)
            text = text.left(77) + QStringLiteral("…");
        return text;
    } catch (const mdsl::Json::exception&) {
        return {};
    }
}

QStringList sourcePaths(const mdsl::Json& input, int limit)
{
    QStringList out;
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    struct Item {
        const mdsl::Json* value;
        QString path;
    };
    std::deque<Item> queue{{&input, QString()}};
    while (!queue.empty() && out.size() < limit) {
        const Item item = queue.front();
        queue.pop_front();
        if (item.value->is_object()) {
            for (const auto& [key, member] : item.value->items()) {
                const QString k = QString::fromStdString(key);
                const QString path = item.path + QLatin1Char('.')
                                     + (identifier.match(k).hasMatch() ? k : QLatin1Char('"') + k + QLatin1Char('"'));
                out.append(path);
                if (out.size() >= limit)
                    break;
                queue.push_back({&member, path});
            }
        } else if (item.value->is_array() && !item.value->empty()) {
            queue.push_back({&item.value->front(), item.path + QStringLiteral("[0]")});
        }
    }
    return out;
}


JsonStyle currentJsonStyle()
{
    const KSyntaxHighlighting::Theme theme = themeForPalette(QApplication::palette());
    return {QFontDatabase::systemFont(QFontDatabase::FixedFont), theme.isValid() ? theme.name() : QString()};
}

SharedTextDocument buildJsonDocument(const QString& text, const JsonStyle& style, JsonColourer* colourer)
{
    auto* document = new QTextDocument;
    document->setUndoRedoEnabled(false);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setDefaultFont(style.font);
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::NoWrap);
    document->setDefaultTextOption(option);
    document->setPlainText(text);
    if (!style.themeName.isEmpty() && text.size() <= kJsonHighlightLimit) {
        if (colourer) {
            colourer->colour(*document, style.themeName);
        } else {
            // The UI thread has a repository at hand; another thread makes one.
            JsonColourer once(QThread::isMainThread() ? &syntaxRepository() : nullptr);
            once.colour(*document, style.themeName);
        }
        document->setProperty(kThemeProperty, style.themeName);
    } else {
        // Every line gets its layout object here, as colouring gives it one: the view, taking
        // the document, visits each line's, and making 70,000 of them there takes 30 ms.
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            block.layout();
    }
    if (QCoreApplication::instance() && document->thread() != QCoreApplication::instance()->thread())
        document->moveToThread(QCoreApplication::instance()->thread());
    return SharedTextDocument(document, freeDocument);
}

QString jsonDocumentTheme(const QTextDocument& document)
{
    return document.property(kThemeProperty).toString();
}

} // namespace studio
