-- The publications behind the default data set (deploy/data/sources.csv) and the indicators this service
-- derives from project and transport events.

INSERT INTO source (id, citation) VALUES
('TANG2018', 'Shaoqing Tang et al., The Industrial Coordination Mechanism Research Based on Regional Integration of Beijing-Tianjin-Hebei, Acta Scientific Agriculture 2.11 (2018): 17-24. Tables 2 and 4 (value added 2009-2013, statistical bulletins)'),
('BR2023', 'Yuan Yuan, The ongoing coordinated development of the Beijing-Tianjin-Hebei city cluster, Beijing Review No. 21, 2023-05-25'),
('BR2024', 'Yuan Yuan, Progress of Beijing-Tianjin-Hebei''s integrated development, Beijing Review No. 11, 2024-03-14'),
('BLUE2025', 'Beijing-Tianjin-Hebei development report (blue paper) 2025, as summarised by Jing Ji Guan Cha Wang, 2025-07-21'),
('LICHEN', 'Li Jin and Chen Yuanyuan, The Current Situation and Future Prospects for the Beijing-Tianjin-Hebei Integration in China (summary), Beijing Research Center for Science of Science'),
('APPROX', 'Approximate figures from public timetables, for demonstration; replace through a data feed'),
('JJJ-DERIVED', 'Jing-Jin-Ji Observatory: computed by the indicators service from the events of the projects and transport services');

INSERT INTO indicator (code, name_en, name_zh, unit, frequency, description, source, additive, derived) VALUES
('projects.inbound.count', 'Inbound relocation and cooperation projects', '承接疏解与合作项目数', 'count', 'annual',
 'Projects (not cancelled) signed in the year with this region as destination, including destinations below it', 'JJJ-DERIVED', true, true),
('projects.inbound.investment', 'Investment of inbound projects', '承接项目投资额', 'CNY 100 million', 'annual',
 'Investment of the projects counted by projects.inbound.count, where known', 'JJJ-DERIVED', true, true),
('hsr.length', 'High-speed rail in operation', '高速铁路运营里程', 'km', 'annual',
 'Length of high-speed rail links open at year end; a link counts half to the region of each end', 'JJJ-DERIVED', true, true),
('hsr.stations', 'High-speed rail stations in operation', '高速铁路运营车站数', 'count', 'annual',
 'Stations touched by at least one high-speed rail link open at year end', 'JJJ-DERIVED', true, true);
