// Shared bits of the handlers: query-string ids and flags, the list envelopes (paged and not).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/json_writer.h"
#include "common/result.h"
#include "core/ports/repositories.h"
#include "http/request.h"

namespace keyline::api {

// The query parameter `name` as a positive id; nullopt when absent; kInvalidArgument when bad.
Status QueryId(const http::Request& request, const char* name, std::optional<int64_t>* out);
// "true" / "false"; nullopt when absent.
Status QueryBool(const http::Request& request, const char* name, std::optional<bool>* out);

// {"items":[...],"total":n,"limit":..,"offset":..} with write(w, item) per item.
template <typename T, typename Write>
std::string PagedJson(const PageOf<T>& page, const Page& request_page, Write write) {
  JsonWriter w;
  w.Reserve(256 + 1024 * page.items.size());
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& item : page.items) write(w, item);
  w.EndArray();
  w.Key("total").Int(page.total);
  w.Key("limit").Int(request_page.limit);
  w.Key("offset").Int(request_page.offset);
  w.EndObject();
  return w.Take();
}

// {"items":[...]} with write(w, item) per item.
template <typename T, typename Write>
std::string ItemsJson(const std::vector<T>& items, Write write) {
  JsonWriter w;
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& item : items) write(w, item);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace keyline::api
