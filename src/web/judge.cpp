#include "web/judge.h"

#include "report/compliance_report.h"
#include "report/kept_records.h"

namespace cadence::web {

CheckReport judge(const ApiSite& site, RequestContext& c, const std::shared_ptr<const UnitTree>& tree,
                  const CheckQuery& query) {
  const auto beside = [&c] { return c.reader_beside(); };
  auto db = c.db();
  if (const auto kept = site.records.current(*db, tree, beside))
    return report::compliance_report(*kept, site.rules, query, site.calendar);
  return report::compliance_report(*db, *tree, site.rules, query, site.calendar, beside);
}

}  // namespace cadence::web
