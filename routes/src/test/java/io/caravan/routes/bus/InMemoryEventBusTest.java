package io.caravan.routes.bus;

/** The bus contract against the in-memory bus ({@code url} not set). */
class InMemoryEventBusTest extends EventBusContractTest {

  @Override
  protected void configureBus(EventBusComponent component) {
    component.setUrl("memory");
  }

  @Override
  protected long unacknowledged(String durableName) throws Exception {
    return ((InMemoryTransport) component.transport()).unacknowledged(durableName);
  }
}
