import { expect } from 'chai';
import { PlugboardError } from '@plugboard/widget-sdk';
import type { FixtureResult } from './fixture-widget.js';

/** Awaits a promise that must reject with a PlugboardError, and returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<PlugboardError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PlugboardError);
    return error as PlugboardError;
  }
  throw new Error('expected the promise to reject');
}

/** Asserts that a fixture widget's command failed with a PlugboardError of `code`; returns its message. */
export function expectFixtureError(result: FixtureResult<unknown>, code: string): string {
  expect(result.ok, 'the command should have failed').to.equal(false);
  if (result.ok) return '';
  expect(result.error.isPlugboardError).to.equal(true);
  expect(result.error.code).to.equal(code);
  return result.error.message;
}
