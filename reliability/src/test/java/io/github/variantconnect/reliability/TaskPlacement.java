package io.github.variantconnect.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.testkit.ConnectCluster;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which worker runs which task, as connector status reports it. */
final class TaskPlacement {

  /** Task ({@code connector/id}) to worker id. */
  private final Map<String, String> workerByTask;

  private TaskPlacement(Map<String, String> workerByTask) {
    this.workerByTask = workerByTask;
  }

  static TaskPlacement of(ConnectCluster connect, Iterable<String> connectors) {
    Map<String, String> workerByTask = new TreeMap<>();
    for (String connector : connectors) {
      JsonNode status = connect.rest().status(connector).ok().body();
      for (JsonNode task : status.path("tasks")) {
        workerByTask.put(connector + "/" + task.path("id").asInt(), task.path("worker_id").asText());
      }
    }
    return new TaskPlacement(workerByTask);
  }

  Set<String> workers() {
    return new TreeSet<>(workerByTask.values());
  }

  Set<String> tasksOn(String workerId) {
    Set<String> tasks = new TreeSet<>();
    workerByTask.forEach((task, worker) -> {
      if (worker.equals(workerId)) {
        tasks.add(task);
      }
    });
    return tasks;
  }

  @Override
  public String toString() {
    return workerByTask.toString();
  }
}
