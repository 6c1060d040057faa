#include "jsontext.h"

#include <QRegularExpression>

#include <deque>

namespace studio {

namespace {

class Printer {
public:
    RenderedJson result;

    void print(const mdsl::Json& value, const mdsl::Json::json_pointer& pointer, int indent)
    {
        const int first = line_;
        if (value.is_object() && !value.empty()) {
            out_ += "{\n";
            ++line_;
            std::size_t i = 0;
            for (const auto& [key, member] : value.items()) {
                pad(indent + 2);
                out_ += mdsl::Json(key).dump();
                out_ += ": ";
                print(member, pointer / key, indent + 2);
                if (++i < value.size())
                    out_ += ',';
                out_ += '\n';
                ++line_;
            }
            pad(indent);
            out_ += '}';
        } else if (value.is_array() && !value.empty()) {
            out_ += "[\n";
            ++line_;
            for (std::size_t i = 0; i < value.size(); ++i) {
                pad(indent + 2);
                print(value[i], pointer / i, indent + 2);
                if (i + 1 < value.size())
                    out_ += ',';
                out_ += '\n';
                ++line_;
            }
            pad(indent);
            out_ += ']';
        } else {
            out_ += value.dump(-1, ' ', false, mdsl::Json::error_handler_t::replace);
        }
        result.lines.insert(QString::fromStdString(pointer.to_string()), {first, line_});
    }

    void finish() { result.text = QString::fromStdString(out_); }

private:
    void pad(int n) { out_.append(std::size_t(n), ' '); }

    std::string out_;
    int line_ = 0;
};

} // namespace

RenderedJson renderJson(const mdsl::Json& json)
{
    Printer printer;
    printer.print(json, mdsl::Json::json_pointer(), 0);
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
        QString text = QString::fromStdString(document->at(ptr).dump(-1, ' ', false, mdsl::Json::error_handler_t::replace));
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

} // namespace studio
