#include "web/user_pages.h"

#include "store/secret_token.h"
#include "store/user_repository.h"
#include "web/error_response.h"
#include "web/page_call.h"
#include "web/password_hash.h"
#include "web/request_body.h"
#include "web/request_error.h"

#include <charconv>

namespace cadence::web {

namespace {

using report::Language;

std::string grants_text(const store::User& user, const UnitTree& tree, Language lang) {
  std::string text;
  for (const auto& g : user.grants) {
    const auto u = tree.find(g.unit);
    text += (text.empty() ? "" : "；") + (u ? tree.at(*u).name : g.unit) + " " +
            std::string(g.role == Role::kAdministrator ? pick(lang, "管理员", "administrator")
                        : g.role == Role::kSecretary   ? pick(lang, "书记/联络员", "secretary")
                                                       : pick(lang, "查看", "viewer"));
  }
  return text;
}

std::string reset_form(const PageCall& call, const store::User& user, Language lang) {
  return "<form class=\"inline\" method=\"post\" action=\"/users/" + std::to_string(user.id) +
         "/password\"><input type=\"hidden\" name=\"csrf_token\" value=\"" +
         html_escape(call.site.auth.csrf_token(call.c).value_or("")) + "\">" +
         (lang == Language::kEnglish ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "") +
         "<button type=\"submit\">" + std::string(pick(lang, "重置密码", "Reset the password")) + "</button></form>";
}

HttpResponse users_html(const PageCall& call, Language lang, const std::string& notice) {
  const auto users = [&] {
    auto db = call.c.db();
    return store::UserRepository(*db).all();
  }();
  const auto scope = call.scope();
  const auto title = std::string(pick(lang, "用户与密码重置", "Users and password resets"));
  std::string body = "<h1>" + html_escape(title) + "</h1>\n" + notice + "<p>" +
                     std::string(pick(lang, "用户忘记密码时，由其上级单位管理员在此重置；新密码只显示一次，请当面或电话告知本人。",
                                      "A user who forgot their password asks an administrator above their unit, who "
                                      "resets it here; the new one is shown once: pass it on in person or by phone.")) +
                     "</p>\n<table class=\"records\"><thead><tr><th>" + std::string(pick(lang, "邮箱", "Email")) + "</th><th>" +
                     std::string(pick(lang, "单位与角色", "Units and roles")) + "</th><th></th></tr></thead><tbody>\n";
  int shown = 0;
  for (const auto& u : users) {
    if (u.id == call.who.user_id || !scope.may_reset_password(u.grants)) continue;
    ++shown;
    body += "<tr data-user=\"" + std::to_string(u.id) + "\"><td>" + html_escape(u.email) +
            (u.disabled_at ? std::string(pick(lang, "（已停用）", " (disabled)")) : "") + "</td><td>" +
            html_escape(grants_text(u, *call.tree, lang)) + "</td><td>" + (u.disabled_at ? "" : reset_form(call, u, lang)) +
            "</td></tr>\n";
  }
  body += "</tbody></table>\n";
  if (shown == 0) body += "<p class=\"empty\">" + std::string(pick(lang, "没有可由你重置密码的用户。", "No user is yours to reset.")) + "</p>\n";
  return html_response(200, page_html(call.frame(lang, title), body));
}

// Twelve characters from 31 a person reads out without confusion (no 0/o, 1/l/i): about 59
// bits, enough for a password its user is told to change, with the login throttle in front.
std::string spoken_password() {
  constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  constexpr std::string_view kBase64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  while (out.size() < 12)
    for (const char c : store::random_token()) {
      // Six random bits; 62 and 63 are dropped so that each character is equally likely.
      const auto v = kBase64url.find(c);
      if (v < 62 && out.size() < 12) out += kAlphabet[v % kAlphabet.size()];
    }
  return out;
}

}  // namespace

HttpResponse users_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  return users_html(*call, language_of(c.request.query_parameters()), "");
}

HttpResponse reset_password_page(DashboardSite& site, RequestContext& c) {
  const auto call = open_page(site, c);
  if (!call) return see_other("/login");
  call->check_csrf();
  const auto body = parse_body(c.request.header("Content-Type").value_or(""), c.request.content);
  const auto lang = std::holds_alternative<FormFields>(body.value) ? language_of(std::get<FormFields>(body.value)) : Language::kChinese;
  std::int64_t id = 0;
  const auto& text = c.params.at("uid");
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  auto db = c.db();
  store::UserRepository users(*db);
  const auto user = ec == std::errc{} && end == text.data() + text.size() ? users.find(id) : std::nullopt;
  if (!user || user->id == call->who.user_id || user->disabled_at || !call->scope().may_reset_password(user->grants))
    throw RequestError(403, "user", "this user is not yours to reset");
  const auto password = spoken_password();
  users.reset_password(user->email, hash_password(password), call->who.email);
  const auto notice = "<section class=\"issued\"><p role=\"status\">" + html_escape(user->email) +
                      std::string(pick(lang, " 的新密码（只显示一次）：", ": the new password (shown once): ")) +
                      "<code class=\"password\">" + password + "</code></p><p>" +
                      std::string(pick(lang, "其原有登录已全部退出。", "Every session it had is ended.")) + "</p></section>\n";
  return users_html(*call, lang, notice);
}

}  // namespace cadence::web
