// Export: the store's claims as JSON Lines (the claims contract) or as RDF.
// Exports stream: memory stays flat however large the store is.
#ifndef KG_EXPORT_H_
#define KG_EXPORT_H_

#include <ostream>
#include <string>

#include "kg/status.h"
#include "kg/store.h"

namespace kg {

enum class ExportFormat {
  kClaims,     // JSON Lines, one claim per line (docs/claims.md)
  kNTriples,
  kTurtle,
  kNQuads,
  kTriG,
  kTurtle12,   // Turtle with RDF 1.2 triple terms
};

// "claims", "nt", "ttl", "nq", "trig", "ttl12".
bool ParseExportFormat(const std::string& name, ExportFormat* format);

struct ExportOptions {
  ExportFormat format = ExportFormat::kClaims;
  std::string base_iri = "https://kgstore.org/id/";
};

Status Export(const Store& store, const ExportOptions& options, std::ostream& out);

}  // namespace kg

#endif  // KG_EXPORT_H_
