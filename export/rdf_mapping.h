// The store as RDF (docs/rdf.md): entities, predicates and documents with
// their labels and metadata, and per claim the direct triple plus a claim
// node carrying unit, bound, time and provenance down to sentence offsets.
// Streams from Store::Match; nothing proportional to the number of claims
// is kept in memory.
#ifndef KG_EXPORT_RDF_MAPPING_H_
#define KG_EXPORT_RDF_MAPPING_H_

#include <ostream>
#include <string>
#include <string_view>

#include "export/rdf_terms.h"
#include "kg/export.h"
#include "kg/model.h"
#include "kg/store.h"

namespace kg::rdf {

// Writes the store in `options.format` (any RDF format) to `out`.
Status ExportRdf(const Store& store, const ExportOptions& options, std::ostream& out);

// The vocabulary terms of the mapping, shared with the import.
namespace vocab {
inline const std::string kType = std::string(kRdf) + "type";
inline const std::string kSubject = std::string(kRdf) + "subject";
inline const std::string kPredicate = std::string(kRdf) + "predicate";
inline const std::string kObject = std::string(kRdf) + "object";
inline const std::string kReifies = std::string(kRdf) + "reifies";
inline const std::string kProperty = std::string(kRdf) + "Property";
inline const std::string kLabel = std::string(kRdfs) + "label";
inline const std::string kClaim = std::string(kKg) + "Claim";
inline const std::string kUnit = std::string(kKg) + "unit";
inline const std::string kBound = std::string(kKg) + "bound";
inline const std::string kWhen = std::string(kKg) + "when";
inline const std::string kMention = std::string(kKg) + "mention";
inline const std::string kSentence = std::string(kKg) + "sentence";
inline const std::string kText = std::string(kKg) + "text";
inline const std::string kRule = std::string(kKg) + "rule";
inline const std::string kContentHash = std::string(kKg) + "contentHash";
inline const std::string kSize = std::string(kKg) + "size";
inline const std::string kSingleValued = std::string(kKg) + "singleValued";
inline const std::string kSymmetric = std::string(kKg) + "symmetric";
inline const std::string kDerivedFrom = std::string(kProv) + "wasDerivedFrom";
inline const std::string kAttributedTo = std::string(kProv) + "wasAttributedTo";
inline const std::string kProvEntity = std::string(kProv) + "Entity";
inline const std::string kLanguage = std::string(kDcterms) + "language";
inline const std::string kIssued = std::string(kDcterms) + "issued";
inline const std::string kSource = std::string(kDcterms) + "source";
inline const std::string kTitle = std::string(kDcterms) + "title";
inline const std::string kSpecificResource = std::string(kOa) + "SpecificResource";
inline const std::string kHasSource = std::string(kOa) + "hasSource";
inline const std::string kHasSelector = std::string(kOa) + "hasSelector";
inline const std::string kPositionSelector = std::string(kOa) + "TextPositionSelector";
inline const std::string kStart = std::string(kOa) + "start";
inline const std::string kEnd = std::string(kOa) + "end";
inline const std::string kDecimal = std::string(kXsd) + "decimal";
inline const std::string kBoolean = std::string(kXsd) + "boolean";
inline const std::string kCount = std::string(kXsd) + "nonNegativeInteger";
}  // namespace vocab

// The datatype for a time value: xsd:gYear, xsd:gYearMonth, xsd:date, or ""
// when the value has none of those shapes.
std::string TimeDatatype(const std::string& iso);

// kg::Term has no datatype field: a literal of a datatype the claim model
// does not know ("true"^^xsd:boolean) is a text term whose lang is "^^"
// followed by the datatype IRI; the store keeps lang with the text.
inline constexpr std::string_view kDatatypeMark = "^^";

// Units that are words, not codes or entities, and get kg: IRIs.
bool IsWordUnit(const std::string& unit);

}  // namespace kg::rdf

#endif  // KG_EXPORT_RDF_MAPPING_H_
