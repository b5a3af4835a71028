package dev.jwc.wit.resolve;

import dev.jwc.wit.syntax.Ast.Id;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders names so that each comes after its dependencies; among ready names the one declared first goes first.
 * Unknown dependencies and cycles are positioned errors.
 */
final class TopoSort {
    private TopoSort() {}

    static List<String> sort(String kind, LinkedHashMap<String, List<Id>> deps) {
        List<String> names = new ArrayList<>(deps.keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] remaining = new int[names.size()];
        List<List<Integer>> reverse = new ArrayList<>();
        names.forEach(n -> reverse.add(new ArrayList<>()));
        for (int i = 0; i < names.size(); i++) {
            List<Id> edges = deps.get(names.get(i));
            remaining[i] = edges.size();
            for (Id edge : edges) {
                Integer j = index.get(edge.name());
                if (j == null) {
                    throw edge.span().error(kind + " `" + edge.name() + "` does not exist");
                }
                reverse.get(j).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < names.size(); i++) {
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int j = ready.poll();
            order.add(names.get(j));
            for (int i : reverse.get(j)) {
                if (--remaining[i] == 0) {
                    ready.add(i);
                }
            }
            reverse.get(j).clear();
        }
        if (order.size() == names.size()) {
            return order;
        }
        for (int i = 0; i < names.size(); i++) {
            if (remaining[i] == 0) {
                continue;
            }
            for (Id dep : deps.get(names.get(i))) {
                if (remaining[index.get(dep.name())] != 0) {
                    throw dep.span().error(kind + " `" + dep.name() + "` depends on itself");
                }
            }
        }
        throw new IllegalStateException("cycle without a witness");
    }
}
