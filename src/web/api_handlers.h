#pragma once
// The JSON API's handlers, one per route (api_routes.cpp lists them), split by resource:
// api_units.cpp (units, tree, compliance, plan, rules), api_records.cpp (records and their
// return), api_evidence.cpp, api_audit.cpp. Each finds what it needs within ApiCall's scope.
#include "store/record_review.h"
#include "web/api_support.h"

namespace cadence::web {

HttpResponse get_unit(ApiCall& call);
HttpResponse get_unit_tree(ApiCall& call);
HttpResponse get_compliance(ApiCall& call);
HttpResponse get_plan(ApiCall& call);
HttpResponse get_rules(ApiCall& call);

HttpResponse list_records(ApiCall& call);
HttpResponse create_record(ApiCall& call);
HttpResponse get_record(ApiCall& call);
HttpResponse put_record(ApiCall& call);
HttpResponse delete_record(ApiCall& call);
HttpResponse return_record(ApiCall& call);

// Largest file taken as evidence, and the route's content limit that leaves room for the form.
inline constexpr std::size_t kMaxEvidenceBytes = 10 * 1024 * 1024;
inline constexpr std::size_t kMaxEvidenceContent = kMaxEvidenceBytes + 64 * 1024;
HttpResponse add_evidence(ApiCall& call);
// The file of a multipart/form-data request (parts kind, file) added to `record`, checked as the
// API checks it (an evidence kind; a PDF, JPEG or PNG by its bytes; at most kMaxEvidenceBytes):
// the evidence's id, or RequestError. The dashboard's upload form sends the same request.
std::int64_t add_evidence_file(const RequestContext& c, store::RecordReview& review, std::int64_t record,
                               const std::string& actor);
HttpResponse get_evidence(ApiCall& call);

HttpResponse get_audit(ApiCall& call);

}  // namespace cadence::web
