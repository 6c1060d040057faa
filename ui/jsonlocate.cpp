#include "jsonlocate.h"

#include "largetextview.h"

#include "mdsl/json.h"
#include "mdsl/jsondiff.h"

#include <QStringList>

namespace studio {

namespace {
namespace locate {

int indentOf(QStringView line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

bool closes(QStringView line, int indent)
{
    return indent < line.size() && (line.at(indent) == QLatin1Char('}') || line.at(indent) == QLatin1Char(']'));
}

/// The member name a line starts with (`"key": …`), as a pointer token; null when the line
/// is an array element.
QString memberToken(QStringView line, int indent)
{
    if (indent >= line.size() || line.at(indent) != QLatin1Char('"'))
        return {};
    qsizetype end = indent + 1;
    while (end < line.size() && line.at(end) != QLatin1Char('"'))
        end += line.at(end) == QLatin1Char('\\') ? 2 : 1;
    if (end >= line.size() || !line.mid(end + 1).startsWith(QLatin1String(": ")))
        return {};   // a string element, not a member
    try {
        const mdsl::Json key = mdsl::parseJson(line.mid(indent, end + 1 - indent).toString().toStdString());
        return QString::fromStdString(mdsl::pointerToken(key.get<std::string>()));
    } catch (const mdsl::Json::exception&) {
        return {};
    }
}

} // namespace locate
} // namespace

std::optional<QString> pointerAtLine(const LargeText& lines, int line, int budget)
{
    const int lineCount = lines.lineCount();
    auto lineAt = [&lines](int i) { return lines.line(i); };
    if (line < 0 || line >= lineCount)
        return std::nullopt;
    QStringView text = lineAt(line);
    int indent = locate::indentOf(text);
    if (indent >= text.size())
        return std::nullopt;
    int read = 1;
    // A closing bracket stands for its container: the line above at the same indent opens it.
    if (locate::closes(text, indent)) {
        int at = line - 1;
        for (; at >= 0 && read <= budget; --at, ++read) {
            const QStringView above = lineAt(at);
            if (locate::indentOf(above) == indent && !locate::closes(above, indent))
                break;
        }
        if (at < 0 || read > budget)
            return std::nullopt;
        line = at;
        text = lineAt(line);
    }
    QStringList tokens;   // innermost first
    while (indent > 0) {
        const QString token = locate::memberToken(text, indent);
        // Up to the parent's opening line (two spaces less), counting the elements before.
        int elements = 0;
        int at = line - 1;
        for (; at >= 0 && read <= budget; --at, ++read) {
            const QStringView above = lineAt(at);
            const int aboveIndent = locate::indentOf(above);
            if (aboveIndent < indent)
                break;
            if (aboveIndent == indent && !locate::closes(above, indent))
                ++elements;
        }
        if (at < 0 || read > budget)
            return std::nullopt;
        tokens.append(token.isNull() ? QString::number(elements) : token);
        line = at;
        text = lineAt(line);
        indent = locate::indentOf(text);
    }
    QString pointer;
    for (auto it = tokens.crbegin(); it != tokens.crend(); ++it)
        pointer += QLatin1Char('/') + *it;
    return pointer;
}

} // namespace studio
