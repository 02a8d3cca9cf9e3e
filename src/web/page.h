#pragma once
// The frame every dashboard page shares: the document head (the one local stylesheet: no CDN,
// no outside fonts, for air-gapped intranets), who is signed in with the logout form, and the
// switch between Chinese and English. Everything placed in a page is escaped by its maker.
#include "report/display_text.h"
#include "web/http_response.h"
#include "web/request_body.h"

#include <string>
#include <string_view>

namespace cadence::web {

struct PageFrame {
  report::Language language = report::Language::kChinese;
  std::string title;       // plain text
  std::string user_email;  // empty: nobody signed in
  std::string csrf_token;  // the session's, for the logout form
  std::string other_language_url;  // this page in the other language; empty: no switch
  bool administrator = false;      // the reader administers some unit: the users page is theirs
};

// A whole HTML document around `body_html` (already markup).
std::string page_html(const PageFrame& frame, std::string_view body_html);

// `status` with `html`: not cached (it shows a user's data), and a Content-Security-Policy that
// lets the page load nothing from elsewhere and run no script.
HttpResponse html_response(int status, std::string html);

// A download: `content` with its media type, as the file `file_name` (from file_name_part), not cached.
HttpResponse attachment_response(std::string_view media_type, const std::string& file_name, std::string content);
inline constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr std::string_view kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// GET /static/cadence.css.
HttpResponse stylesheet_response();

// Letters, digits, '.', '-' and '_' of a unit id: a download's file name no browser or shell misreads.
std::string file_name_part(std::string_view id);

// The language a form or query asks for (lang=en), Chinese otherwise.
report::Language language_of(const FormFields& fields);

// Zh or en, whichever the page is in.
inline std::string_view pick(report::Language language, std::string_view zh, std::string_view en) {
  return language == report::Language::kChinese ? zh : en;
}

}  // namespace cadence::web
