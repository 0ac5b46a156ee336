import { expect } from 'chai';
import { PROTOCOL_VERSION } from '@plugboard/widget-sdk/protocol';

const STANDALONE = '/packages/widget-sdk/dist/standalone';

describe('widget SDK standalone build', () => {
  it('is a classic script that defines the global Plugboard', async () => {
    const script = document.createElement('script');
    script.src = `${STANDALONE}/plugboard-widget-sdk.iife.min.js`;
    await new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => {
        reject(new Error(`could not load ${script.src}`));
      };
      document.head.append(script);
    });
    const global = (
      window as unknown as { Plugboard?: { PROTOCOL_VERSION: number; connect: unknown } }
    ).Plugboard;
    expect(global?.PROTOCOL_VERSION).to.equal(PROTOCOL_VERSION);
    expect(global?.connect).to.be.a('function');
  });

  it('is an ES module with no bare imports left to resolve', async () => {
    const url = `${STANDALONE}/plugboard-widget-sdk.min.js`;
    const source = await (await fetch(url)).text();
    expect(source).to.not.match(/\bfrom\s*["'][^./]/);
    const module = (await import(/* @vite-ignore */ url)) as {
      PROTOCOL_VERSION: number;
      connect: unknown;
    };
    expect(module.PROTOCOL_VERSION).to.equal(PROTOCOL_VERSION);
    expect(module.connect).to.be.a('function');
  });
});
