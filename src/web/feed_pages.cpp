#include "web/feed_pages.h"

#include "core/plain_text.h"
#include "report/display_text.h"
#include "store/feed_token_repository.h"
#include "web/error_response.h"
#include "web/overview_request.h"
#include "web/page_call.h"
#include "web/qr_code.h"
#include "web/request_body.h"
#include "web/request_error.h"

#include <date/date.h>

namespace cadence::web {

namespace {

using report::Language;

std::string stamp(const std::optional<std::chrono::sys_seconds>& at) { return at ? date::format("%F %R UTC", *at) : "—"; }

std::string tokens_table(const std::vector<store::FeedToken>& tokens, Language lang) {
  std::string html = "<table class=\"records\"><thead><tr>";
  for (const auto h : {pick(lang, "名称", "Label"), pick(lang, "生成", "Made"), pick(lang, "最近获取", "Last fetched"),
                       pick(lang, "客户端", "Client"), pick(lang, "次数", "Fetches")})
    html += "<th>" + std::string(h) + "</th>";
  html += "</tr></thead><tbody>\n";
  for (const auto& t : tokens) {
    if (t.revoked_at) continue;
    html += "<tr><td>" + html_escape(t.label) + "</td><td>" + html_escape(t.created_by) + " " + stamp(t.created_at) +
            "</td><td>" + stamp(t.last_fetched_at) + "</td><td>" + html_escape(t.last_user_agent) + "</td><td>" +
            std::to_string(t.fetch_count) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

std::string issue_form(const PageCall& call, const Unit& unit, Language lang) {
  return "<form class=\"record\" method=\"post\" action=\"/units/" + html_escape(url_encode(unit.id)) +
         "/feed\"><input type=\"hidden\" name=\"csrf_token\" value=\"" +
         html_escape(call.site.auth.csrf_token(call.c).value_or("")) + "\">" +
         (lang == Language::kEnglish ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "") + "<label>" +
         std::string(pick(lang, "名称（如：书记手机）", "Label (e.g. the secretary's phone)")) +
         " <input type=\"text\" name=\"label\" maxlength=\"200\"></label><button type=\"submit\">" +
         std::string(pick(lang, "生成新的订阅链接", "Make a new feed link")) + "</button></form>\n";
}

// The base the feed is reached at, as the browser reached this page: https behind a trusted proxy.
std::string site_base(const PageCall& call) {
  const auto host = call.c.request.header("Host").value_or("localhost");
  return std::string(call.site.auth.over_tls(call.c) ? "https://" : "http://") + std::string(host);
}

HttpResponse feed_html(const PageCall& call, std::size_t u, Language lang, const std::string& issued_html) {
  const auto& unit = call.tree->at(u);
  const auto tokens = [&] {
    auto db = call.c.db();
    return store::FeedTokenRepository(*db).list(unit.id);
  }();
  const auto title = unit.name + " · " + std::string(pick(lang, "日历订阅", "Calendar feed"));
  std::string body = "<nav class=\"crumbs\"><a href=\"/units/" + html_escape(url_encode(unit.id)) +
                     (lang == Language::kEnglish ? "?lang=en" : "") + "\">" + html_escape(unit.name) + "</a></nav>\n<h1>" +
                     html_escape(title) + "</h1>\n" + issued_html;
  body += "<p>" + std::string(pick(lang, "订阅链接只在生成时显示一次；每个链接可单独停用（cadence token revoke）。",
                                   "A feed link is shown once, when it is made; each can be revoked on its own "
                                   "(cadence token revoke).")) + "</p>\n";
  body += tokens_table(tokens, lang);
  if (call.scope().may(Action::kRecord, u)) body += issue_form(call, unit, lang);
  return html_response(200, page_html(call.frame(lang, title), body));
}

}  // namespace

HttpResponse feed_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto u = call->unit(c.params.at("id"), Action::kRead);
  return feed_html(*call, u, language_of(c.request.query_parameters()), "");
}

HttpResponse issue_feed_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  const auto u = call->unit(c.params.at("id"), Action::kRecord);
  call->check_csrf();
  const auto body = parse_body(c.request.header("Content-Type").value_or(""), c.request.content);
  const auto lang = std::holds_alternative<FormFields>(body.value) ? language_of(std::get<FormFields>(body.value)) : Language::kChinese;
  const auto label = body.field("label").value_or("");
  if (const auto problem = text_problem(label, 200); !problem.empty()) throw RequestError(422, "label", "label: " + problem);
  const auto issued = [&] {
    auto db = c.db();
    return store::FeedTokenRepository(*db).issue(call->tree->at(u).id, label, call->who.email);
  }();
  const auto path = "/feeds/" + issued.token + ".ics";
  const auto https = site_base(*call) + path;
  const auto webcal = "webcal" + https.substr(https.find("://")) ;
  const auto html = "<section class=\"issued\"><p role=\"status\">" +
                    std::string(pick(lang, "新的订阅链接（请妥善保管，本页关闭后不再显示）：",
                                     "The new feed link (keep it secret: it is not shown again):")) +
                    "</p><p><code class=\"feed-url\">" + html_escape(https) + "</code></p><p><a href=\"" + html_escape(webcal) +
                    "\">" + html_escape(webcal) + "</a></p>" + qr_code_svg(webcal, 220) + "</section>\n";
  return feed_html(*call, u, lang, html);
}

}  // namespace cadence::web
