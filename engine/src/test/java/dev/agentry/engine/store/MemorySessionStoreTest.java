package dev.agentry.engine.store;

import dev.agentry.engine.store.memory.MemorySessionStore;

class MemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore open(String tablePrefix) {
    return MemorySessionStore.create();
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
