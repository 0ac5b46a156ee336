/**
 * `@plugboard/host-runtime/testing`: a mock host for Storybook and tests.
 *
 * @module @plugboard/host-runtime/testing
 */
export {
  createMockHost,
  MockHost,
  MOCK_EXTENSION_POINTS,
  MOCK_THEMES,
  type MockFailure,
  type MockHostCall,
  type MockHostOptions,
} from './testing/mock-host.js';
