-- Full-text q over names and organisations: one word, two words, a prefix.
local queries = {"hydrogen", "university%20campus", "semicond", "capital%20steel", "robotics", "medical%20centre"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/projects?q=" .. queries[(i % #queries) + 1] .. "&size=50")
end
