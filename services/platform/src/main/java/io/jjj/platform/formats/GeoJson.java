package io.jjj.platform.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.paging.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 7946 GeoJSON pieces, written as plain maps. */
public final class GeoJson {

    private GeoJson() {
    }

    public static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    public static Map<String, Object> lineString(List<double[]> points) {
        return Map.of("type", "LineString", "coordinates", points.stream().map(p -> List.of(p[0], p[1])).toList());
    }

    /** A convex hull as a Polygon (closed ring), or as a Point or LineString when it has no area. */
    public static Map<String, Object> hull(List<double[]> ring) {
        if (ring.size() == 1) {
            return point(ring.get(0)[0], ring.get(0)[1]);
        }
        if (ring.size() == 2) {
            return lineString(ring);
        }
        List<List<Double>> coordinates = new java.util.ArrayList<>(ring.stream().map(p -> List.of(p[0], p[1])).toList());
        coordinates.add(coordinates.get(0));
        return Map.of("type", "Polygon", "coordinates", List.of(coordinates));
    }

    public static Map<String, Object> feature(String id, Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        if (id != null) {
            f.put("id", id);
        }
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }

    public static String write(ObjectMapper json, List<Object> features) {
        return write(json, features, Map.of());
    }

    public static String write(ObjectMapper json, List<Object> features, Map<String, Object> foreignMembers) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.putAll(foreignMembers);
        collection.put("features", features);
        try {
            return json.writeValueAsString(collection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of features as a FeatureCollection, with the page's total, number and size beside them. */
    public static Map<String, Object> page(List<Object> features, Page<?> page) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        collection.put("total", page.total());
        collection.put("page", page.page());
        collection.put("size", page.size());
        return collection;
    }
}
