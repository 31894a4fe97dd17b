// Everything a program embedding kgstore needs.
#ifndef KG_KG_H_
#define KG_KG_H_

#include "kg/export.h"
#include "kg/ingest.h"
#include "kg/model.h"
#include "kg/query.h"
#include "kg/status.h"
#include "kg/store.h"

#endif  // KG_KG_H_
