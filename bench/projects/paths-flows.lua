-- The flows matrix, alternating measures, levels and year ranges.
local measures = {"count", "investment", "jobs"}
local levels = {"province", "prefecture"}
local i = 0
request = function()
  i = i + 1
  local from = 2000 + (i % 15)
  return wrk.format("GET", "/api/projects/flows?by=origin,destination&measure=" .. measures[(i % 3) + 1]
    .. "&level=" .. levels[(i % 2) + 1] .. "&from=" .. from .. "&to=" .. (from + 8))
end
