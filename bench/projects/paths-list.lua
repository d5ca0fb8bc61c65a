-- Filtered listing: destination Hebei (a province, so its prefectures and counties are included) + status + a
-- five-year signed range, the same shape as the anchor SQL in anchor-list.sql.
local statuses = {"operational", "signed", "approved", "under-construction"}
local i = 0
request = function()
  i = i + 1
  local from = 2000 + (i % 20)
  return wrk.format("GET", "/api/projects?destination=130000&status=" .. statuses[(i % #statuses) + 1]
    .. "&signedFrom=" .. from .. "&signedTo=" .. (from + 4) .. "&size=50")
end
