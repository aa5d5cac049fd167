// Reading a project, a stage move and an assignment from a JSON body.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_input.h"
#include "core/model/project.h"
#include "core/ports/repositories.h"
#include "core/service/project_service.h"
#include "http/request.h"

namespace keyline::api {

// Applies the ledger fields present in `reader`'s object to *project. With `creating`, name
// and total_investment are required and "stage"/"stage_reason" are accepted; otherwise only
// fields present are changed (JSON null clears an optional field) and "version" is required
// (returned in *version). Read-only fields (id, created_at, updated_at, warnings) are
// ignored. Returns kInvalidArgument listing every bad or unknown field.
Status ReadProject(const boost::json::object& body, bool creating, Project* project,
                   std::string* stage_reason, int64_t* version);

Status ReadStageMove(const boost::json::object& body, StageMove* move);

// Like ReadProject for assignments: creating requires role and person_id/unit_id.
Status ReadAssignment(const boost::json::object& body, bool creating, Assignment* assignment,
                      int64_t* version);

// Reads the list filters of GET /projects from the query string.
Status ReadProjectQuery(const http::Request& request, ProjectQuery* query);

}  // namespace keyline::api
