// Gives every test file the IndexedDB globals (happy-dom has none); tests that need isolation
// create their own `new IDBFactory()` and pass it to createShim.
import 'fake-indexeddb/auto';
