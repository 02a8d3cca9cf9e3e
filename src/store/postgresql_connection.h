#pragma once
// Opening a PostgreSQL connection from a postgresql:// URI. libpq reads the URI (and the
// password from PGPASSWORD or a ~/.pgpass-style file, PGPASSFILE) itself; Poco's connector
// wants keyword=value pairs, so the URI is translated here first.
#include <Poco/Data/Session.h>

#include <string>

namespace cadence::store {

bool is_postgresql_uri(const std::string& uri);

// The URI with any password in it (postgresql://user:secret@host/db, ?password=secret) written
// as ***: what messages and logs show.
std::string uri_without_password(const std::string& uri);

// The URI's keyword=value form for Poco's connector. Throws StoreError naming `name` for a URI
// libpq cannot read, one that carries a password (it would show in process lists, shell
// histories and logs), or a value Poco's connector cannot pass (one with a space).
std::string postgresql_conninfo(const std::string& uri, const std::string& name);

// A connection; `read_only` makes every transaction of the session read-only.
Poco::Data::Session open_postgresql(const std::string& uri, const std::string& name, bool read_only);

}  // namespace cadence::store
