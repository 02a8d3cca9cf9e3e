#include "web/judge.h"

#include "report/compliance_report.h"
#include "report/kept_records.h"
#include "report/record_rows.h"

namespace cadence::web {

CheckReport judge(const ApiSite& site, RequestContext& c, const std::shared_ptr<const UnitTree>& tree,
                  const CheckQuery& query) {
  const auto beside = [&c] { return c.reader_beside(); };
  std::shared_ptr<const report::RecordsSnapshot> kept;
  {
    auto db = c.db();
    kept = site.records.current(*db, tree, beside);
    if (!kept) return report::compliance_report(*db, *tree, site.rules, query, site.calendar, beside);
  }
  // Judged without holding a connection: a province takes a second.
  return report::compliance_report(*kept, site.rules, query, site.calendar);
}

RecordIndex subtree_records(const ApiSite& site, RequestContext& c, const std::shared_ptr<const UnitTree>& tree,
                            std::size_t root, Day from, Day to, bool descendants) {
  std::shared_ptr<const report::RecordsSnapshot> kept;
  {
    auto db = c.db();
    kept = site.records.current(*db, tree, [&c] { return c.reader_beside(); });
    if (!kept) return report::subtree_index(*db, *tree, site.rules, root, from, to, descendants);
  }
  return report::index_of(*kept, site.rules.size(), root, from, to, descendants);
}

}  // namespace cadence::web
