#include "web/page.h"

#include "web/error_response.h"

#include <cctype>

namespace cadence::web {

namespace {

// Fonts named first are the ones Debian's fonts-noto-cjk and fonts-wqy-microhei install: without
// them fontconfig may draw Chinese with Japanese glyph shapes.
constexpr std::string_view kStylesheet = R"css(:root { --good: #1b5e20; --good-bg: #e8f5e9; --warning: #8a5a00;
  --warning-bg: #fff3cd; --failed: #b71c1c; --failed-bg: #fde0e0; --idle: #555; --idle-bg: #f1f1f1; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  margin: 0; color: #1a1a1a; line-height: 1.45; }
header.site { display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #8b0000; color: #fff; }
header.site a, header.site button { color: #fff; }
header.site .who { margin-left: auto; }
header.site form { display: inline; }
header.site button { background: none; border: 1px solid #fff; border-radius: 3px; cursor: pointer; }
main { padding: 1em; }
h1 { font-size: 1.4em; margin: .2em 0 .5em; }
nav.crumbs { margin-bottom: .5em; }
form.filters { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: end; margin-bottom: 1em; }
form.filters label { display: flex; flex-direction: column; font-size: .9em; }
.table-wrap { overflow-x: auto; }
table.overview { border-collapse: collapse; font-size: .9em; }
table.overview th, table.overview td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; }
table.overview thead th { background: #f7f7f7; position: sticky; top: 0; }
table.overview th.unit { text-align: left; white-space: nowrap; }
table.overview td.type { white-space: nowrap; }
td.cell .status { font-weight: bold; display: block; }
td.cell .detail { font-size: .85em; white-space: nowrap; }
td.good { background: var(--good-bg); color: var(--good); }
td.warning { background: var(--warning-bg); color: var(--warning); }
td.failed { background: var(--failed-bg); color: var(--failed); }
td.idle { background: var(--idle-bg); color: var(--idle); }
tr.total th, tr.total td { border-top: 2px solid #333; }
.downloads { margin: .8em 0; }
p.empty { color: var(--idle); }
svg.timeline { font-size: 11px; }
svg.timeline .tick { stroke: #ddd; }
svg.timeline .planned { fill: none; stroke: #666; stroke-width: 1.2; }
svg.timeline .held { fill: var(--good); }
svg.timeline .returned { stroke: var(--failed); stroke-width: 2; }
svg.timeline .as-of { stroke: #8b0000; stroke-width: 1.5; stroke-dasharray: 3 2; }
p.legend { font-size: .85em; color: var(--idle); }
section.issued { border: 2px solid var(--good); padding: .5em 1em; margin-bottom: 1em; }
code.feed-url { word-break: break-all; }
div.written p { text-indent: 2em; max-width: 46em; }
label.copy textarea { display: block; width: 100%; max-width: 60em; }
table.standing, table.records, table.emails { border-collapse: collapse; font-size: .9em; margin-bottom: 1em; }
table.standing th, table.standing td, table.records th, table.records td, table.emails th, table.emails td {
  border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
tr.returned td, table.emails tr.failed td, table.emails tr.unconfirmed td, table.emails tr.no_address td {
  background: var(--warning-bg); }
table.records td:first-child, table.emails td:first-child { white-space: nowrap; }
form.inline { display: inline; }
form.record { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: start; max-width: 60em; }
form.record label { display: flex; flex-direction: column; font-size: .9em; }
form.record fieldset { border: 1px solid #ccc; font-size: .9em; }
.field-error { color: var(--failed); font-weight: bold; font-size: .9em; }
p.notice { background: var(--good-bg); color: var(--good); padding: .4em .6em; }
@media (max-width: 700px) { form.filters { flex-direction: column; align-items: stretch; } }
@media print {
  header.site, form.filters, form.record, form.inline, .downloads, label.copy, p.periods { display: none; }
  main { padding: 0; }
  td.cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.overview thead th { position: static; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string header_html(const PageFrame& f) {
  std::string html = "<header class=\"site\"><strong><a href=\"/\">Cadence</a></strong>";
  if (f.administrator) html += "<a href=\"/users\">" + std::string(pick(f.language, "用户", "Users")) + "</a>";
  if (!f.other_language_url.empty())
    html += "<a class=\"lang\" href=\"" + html_escape(f.other_language_url) + "\" lang=\"" +
            std::string(pick(f.language, "en", "zh-CN")) + "\">" + std::string(pick(f.language, "English", "中文")) + "</a>";
  if (!f.user_email.empty()) {
    html += "<span class=\"who\">" + html_escape(f.user_email) + "</span>";
    html += "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf_token\" value=\"" +
            html_escape(f.csrf_token) + "\"><button type=\"submit\">" + std::string(pick(f.language, "退出", "Sign out")) +
            "</button></form>";
  }
  return html + "</header>\n";
}

}  // namespace

std::string page_html(const PageFrame& frame, std::string_view body_html) {
  std::string html = "<!doctype html>\n<html lang=\"" + std::string(report::language_code(frame.language)) +
                     "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                     "initial-scale=1\"><title>" + html_escape(frame.title) +
                     " · Cadence</title><link rel=\"stylesheet\" href=\"/static/cadence.css\"></head>\n<body>\n";
  html += header_html(frame);
  html += "<main>\n";
  html += body_html;
  html += "</main>\n</body></html>\n";
  return html;
}

HttpResponse html_response(int status, std::string html) {
  HttpResponse r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.set("Cache-Control", "no-store");
  r.set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                                   "frame-ancestors 'none'; base-uri 'none'");
  r.set("X-Content-Type-Options", "nosniff");
  r.text = std::move(html);
  return r;
}

report::Language language_of(const FormFields& fields) {
  for (const auto& [name, value] : fields)
    if (name == "lang") return report::parse_language(value).value_or(report::Language::kChinese);
  return report::Language::kChinese;
}

std::string file_name_part(std::string_view id) {
  std::string out;
  for (const char ch : id)
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_') out += ch;
  return out.empty() ? "unit" : out;
}

HttpResponse attachment_response(std::string_view media_type, const std::string& file_name, std::string content) {
  HttpResponse r;
  r.set("Content-Type", media_type);
  r.set("Cache-Control", "no-store");
  r.set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  r.text = std::move(content);
  return r;
}

HttpResponse stylesheet_response() {
  HttpResponse r;
  r.set("Content-Type", "text/css; charset=utf-8");
  r.set("Cache-Control", "public, max-age=3600");
  r.text = std::string(kStylesheet);
  return r;
}

}  // namespace cadence::web
