package io.github.variantconnect.reliability;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of a worker in its own JVM, read through the JDK's attach mechanism: the worker's local
 * management agent is started on demand and reached over a local connection, so no JMX port is
 * opened and nothing is configured on the worker.
 */
final class WorkerHeap implements AutoCloseable {

  private final JMXConnector connector;
  private final MemoryMXBean memory;

  private WorkerHeap(JMXConnector connector, MemoryMXBean memory) {
    this.connector = connector;
    this.memory = memory;
  }

  static WorkerHeap attach(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
          connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
      return new WorkerHeap(connector, memory);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot attach to the worker JVM " + pid, e);
    }
  }

  /** Heap in use now, in bytes. */
  long usedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException e) {
      // The worker may be gone already; nothing to release then.
    }
  }
}
