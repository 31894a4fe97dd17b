// kg::Export: dispatch per format. RDF formats are added by the RDF writer.
#include "kg/export.h"

#include <map>

#include "export/claims_jsonl.h"
#include "export/rdf_mapping.h"

namespace kg {

bool ParseExportFormat(const std::string& name, ExportFormat* format) {
  static const std::map<std::string, ExportFormat> kNames = {
      {"claims", ExportFormat::kClaims}, {"nt", ExportFormat::kNTriples}, {"ttl", ExportFormat::kTurtle},
      {"nq", ExportFormat::kNQuads},     {"trig", ExportFormat::kTriG},   {"ttl12", ExportFormat::kTurtle12}};
  auto it = kNames.find(name);
  if (it == kNames.end()) return false;
  *format = it->second;
  return true;
}

Status Export(const Store& store, const ExportOptions& options, std::ostream& out) {
  switch (options.format) {
    case ExportFormat::kClaims: return WriteClaimsJsonl(store, out);
    default: break;
  }
  return rdf::ExportRdf(store, options, out);
}

}  // namespace kg
