#include "store/record_scan.h"

#include "store/columns.h"

#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SQLite/Utility.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>

namespace cadence::store {

namespace {

constexpr std::size_t kColumns = 5;

std::string_view column_text(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return {text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column))};
}

struct Finalize {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

void scan_sqlite(Database& db, const std::string& select, const std::vector<std::string>& params,
                 const RecordRowFn& fn) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(db.session());
  const auto fail = [&] { throw StoreError("cannot read records from '" + db.name() + "': " + sqlite3_errmsg(handle)); };
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(handle, select.c_str(), static_cast<int>(select.size()), &raw, nullptr) != SQLITE_OK) fail();
  const std::unique_ptr<sqlite3_stmt, Finalize> statement(raw);
  for (std::size_t i = 0; i < params.size(); ++i)
    if (sqlite3_bind_text(raw, static_cast<int>(i + 1), params[i].data(), static_cast<int>(params[i].size()),
                          SQLITE_STATIC) != SQLITE_OK)
      fail();
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
    fn(column_text(raw, 0), column_text(raw, 1), day_column(column_text(raw, 2), "records.date"),
       column_text(raw, 3), column_text(raw, 4));
  if (rc != SQLITE_DONE) fail();
}

// COPY takes no parameters: each `?` of `select` becomes the quoted literal of its value.
std::string copy_command(PGconn* connection, const std::string& select, const std::vector<std::string>& params) {
  std::string sql = "COPY (";
  std::size_t next = 0;
  for (const char c : select) {
    if (c != '?') {
      sql += c;
      continue;
    }
    char* literal = PQescapeLiteral(connection, params.at(next).data(), params.at(next).size());
    if (!literal) throw StoreError(std::string("cannot quote a value for PostgreSQL: ") + PQerrorMessage(connection));
    sql += literal;
    PQfreemem(literal);
    ++next;
  }
  return sql + ") TO STDOUT";
}

struct ClearResult {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ClearResult>;

// libpq's message without its severity and detail lines: "relation \"records\" does not exist".
std::string postgresql_words(std::string text) {
  if (text.starts_with("ERROR:  ")) text.erase(0, 8);
  return text.substr(0, text.find('\n'));
}

// After the last row (or on the way out of an exception): the COPY's own result, and the
// connection back to idle for Poco's next statement.
std::string finish_copy(PGconn* connection, char* pending) {
  if (pending) PQfreemem(pending);
  while (PQgetCopyData(connection, &pending, 0) > 0) PQfreemem(pending);
  std::string error;
  while (Result result{PQgetResult(connection)})
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK && error.empty())
      error = postgresql_words(PQresultErrorMessage(result.get()));
  return error;
}

void scan_postgresql(Database& db, const std::string& select, const std::vector<std::string>& params,
                     const RecordRowFn& fn) {
  auto& impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl&>(*db.session().impl());
  PGconn* connection = impl.handle();
  const auto fail = [&](const std::string& why) { throw StoreError("cannot read records from '" + db.name() + "': " + why); };
  {
    const Result started{PQexec(connection, copy_command(connection, select, params).c_str())};
    if (PQresultStatus(started.get()) != PGRES_COPY_OUT) fail(postgresql_words(PQerrorMessage(connection)));
  }
  std::vector<std::string_view> columns;
  std::string scratch;
  char* row = nullptr;
  int length;
  try {
    while ((length = PQgetCopyData(connection, &row, 0)) > 0) {
      std::string_view line(row, static_cast<std::size_t>(length));
      if (line.ends_with('\n')) line.remove_suffix(1);
      if (!split_copy_row(line, columns, scratch, kColumns)) fail("a row of COPY has not 5 columns");
      fn(columns[0], columns[1], day_column(columns[2], "records.date"), columns[3], columns[4]);
      PQfreemem(row);
      row = nullptr;
    }
  } catch (...) {
    // The server is told to stop sending: draining millions of rows would take as long as
    // reading them (a stopping server gives up its first read this way).
    if (PGcancel* cancel = PQgetCancel(connection)) {
      char why[256];
      PQcancel(cancel, why, sizeof why);
      PQfreeCancel(cancel);
    }
    finish_copy(connection, row);
    throw;
  }
  // -2: the connection failed mid-way; libpq's message says why before finishing can change it.
  std::string error = length == -2 ? postgresql_words(PQerrorMessage(connection)) : "";
  const auto copy_error = finish_copy(connection, nullptr);
  if (error.empty()) error = copy_error;
  if (!error.empty()) fail(error);
}

char unescaped(char c) {
  switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return c;
  }
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the unescaped `value` to `out` (which has room: unescaping never lengthens).
void unescape_into(std::string_view value, std::string& out) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    const char c = value[++i];
    if (is_octal(c)) {
      int code = 0;
      for (std::size_t n = 0; n < 3 && i < value.size() && is_octal(value[i]); ++n, ++i) code = code * 8 + (value[i] - '0');
      out += static_cast<char>(code);
      --i;
    } else if (c == 'x' && i + 1 < value.size() && hex_value(value[i + 1]) >= 0) {
      int code = hex_value(value[++i]);
      if (i + 1 < value.size() && hex_value(value[i + 1]) >= 0) code = code * 16 + hex_value(value[++i]);
      out += static_cast<char>(code);
    } else {
      out += unescaped(c);
    }
  }
}

}  // namespace

bool split_copy_row(std::string_view line, std::vector<std::string_view>& columns, std::string& scratch,
                    std::size_t count) {
  columns.clear();
  scratch.clear();
  // Views into scratch stay valid only if it never reallocates.
  scratch.reserve(line.size());
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    const auto value = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (value.find('\\') == std::string_view::npos) {
      columns.push_back(value);
    } else {
      const auto at = scratch.size();
      unescape_into(value, scratch);
      columns.emplace_back(scratch.data() + at, scratch.size() - at);
    }
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return columns.size() == count;
}

void scan_record_rows(Database& db, const std::string& select, const std::vector<std::string>& params,
                      const RecordRowFn& fn) {
  if (db.dialect().backend == Backend::postgresql)
    scan_postgresql(db, select, params, fn);
  else
    scan_sqlite(db, select, params, fn);
}

}  // namespace cadence::store
