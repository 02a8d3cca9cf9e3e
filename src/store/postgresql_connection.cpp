#include "store/postgresql_connection.h"

#include "store/store_error.h"

#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <libpq-fe.h>

#include <memory>

namespace cadence::store {

namespace {

struct ConninfoFree {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

// libpq's own parse, so that the URI means exactly what psql would read from it.
std::unique_ptr<PQconninfoOption, ConninfoFree> parse(const std::string& uri, const std::string& name) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(uri.c_str(), &error));
  if (!options) {
    std::string why = error ? error : "out of memory";
    PQfreemem(error);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    throw StoreError("cannot read the database URI '" + name + "': " + why);
  }
  return options;
}

std::string masked_authority(const std::string& uri) {
  const auto scheme_end = uri.find("://");
  if (scheme_end == std::string::npos) return uri;
  const auto authority = scheme_end + 3;
  const auto at = uri.find('@', authority);
  const auto colon = uri.find(':', authority);
  const auto path = uri.find_first_of("/?", authority);
  if (at == std::string::npos || colon == std::string::npos || colon > at || (path != std::string::npos && path < at))
    return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

std::string masked_query(std::string uri) {
  const auto query = uri.find('?');
  if (query == std::string::npos) return uri;
  for (auto at = uri.find("password=", query); at != std::string::npos; at = uri.find("password=", at + 1)) {
    if (uri[at - 1] != '?' && uri[at - 1] != '&') continue;
    const auto value = at + 9;
    const auto end = uri.find('&', value);
    uri.replace(value, (end == std::string::npos ? uri.size() : end) - value, "***");
  }
  return uri;
}

[[noreturn]] void refuse_password(const std::string& name) {
  throw StoreError("the database URI '" + name +
                   "' carries a password, which would show in process lists, shell histories and logs: "
                   "remove it and give it with --db-password-file FILE, PGPASSWORD or a ~/.pgpass file");
}

}  // namespace

std::string uri_without_password(const std::string& uri) { return masked_query(masked_authority(uri)); }

bool is_postgresql_uri(const std::string& uri) {
  return uri.starts_with("postgresql://") || uri.starts_with("postgres://");
}

std::string postgresql_conninfo(const std::string& uri, const std::string& name) {
  // Before libpq reads it: its message about a malformed URI could quote the password.
  if (uri_without_password(uri) != uri) refuse_password(name);
  const auto options = parse(uri, name);
  std::string conninfo;
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
    if (!o->val) continue;
    const std::string keyword = o->keyword, value = o->val;
    if (keyword == "password") refuse_password(name);
    if (value.find_first_of(" \t\n'\\") != std::string::npos)
      throw StoreError("the database URI '" + name + "' has a " + keyword +
                       " with a space, quote or backslash, which the PostgreSQL connector cannot pass on");
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += keyword + "=" + value;
  }
  return conninfo;
}

Poco::Data::Session open_postgresql(const std::string& uri, const std::string& name, bool read_only) {
  const auto conninfo = postgresql_conninfo(uri, name);
  try {
    Poco::Data::Session session(new Poco::Data::PostgreSQL::SessionImpl(conninfo, 10));
    // libpq prints the server's notices on stderr ("relation … already exists, skipping"):
    // they are not for the user of a command.
    session << "SET client_min_messages = warning", Poco::Data::Keywords::now;
    // Not only a promise of this program: the server refuses any write on this connection.
    if (read_only) session << "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", Poco::Data::Keywords::now;
    return session;
  } catch (...) {
    rethrow_with_context("cannot open database '" + name + "'");
  }
}

}  // namespace cadence::store
