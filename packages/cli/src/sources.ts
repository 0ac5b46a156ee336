import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { HostManifestError, validateManifest } from '@plugboard/host-runtime/manifest';
import type { HostManifest } from '@plugboard/host-runtime/manifest';
import {
  convertMoySkladDescriptor,
  MoySkladDescriptorError,
  type MoySkladConvertOptions,
} from '@plugboard/host-runtime/moysklad';

/** One problem of an app, where it is: a manifest path or a descriptor's element path. */
export interface AppIssue {
  readonly path: string;
  readonly message: string;
}

/** What the dev host's page installs for one source the user named. */
export interface CheckedApp {
  /** The file path or URL, as given. */
  readonly source: string;
  readonly kind: 'manifest' | 'moysklad';
  /** A valid manifest; for a descriptor, the one it converts to. */
  readonly manifest?: HostManifest;
  /** A MoySklad descriptor's XML and what `installMoySkladApp` needs beside it. */
  readonly moysklad?: { readonly xml: string; readonly options: MoySkladConvertOptions };
  /** Why it cannot be installed; empty when it can. */
  readonly issues: readonly AppIssue[];
  /** What a descriptor declares that is not run here. */
  readonly unsupported: readonly AppIssue[];
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The text at `source`: a file (relative to `cwd`) or an http(s) URL. */
export async function readSource(source: string, cwd: string): Promise<string> {
  if (!isUrl(source)) return readFile(resolve(cwd, source), 'utf8');
  const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
  return response.text();
}

/** The MoySklad points the dev host has, as `installMoySkladApp` wants them. */
export const MOYSKLAD_POINTS = {
  points: {
    'document.customerorder.edit': 'customerorder.card',
    'document.customerorder.create': 'customerorder.card',
    'entity.counterparty.edit': 'counterparty.card',
    'entity.product.edit': 'product.card',
  },
  buttonPoints: {
    'document.customerorder.list': 'customerorder.list.actions',
    'document.customerorder.edit': 'customerorder.card.actions',
    'entity.counterparty.list': 'counterparty.list.row',
  },
} as const;

/**
 * What a descriptor does not say, for a dev install: the app's id and name
 * from its file (`loyalty-points/descriptor.xml`: `loyalty-points`), its
 * origin from its first `sourceUrl`.
 */
export function moySkladDevOptions(source: string, xml: string): MoySkladConvertOptions {
  const path = isUrl(source) ? new URL(source).pathname : source;
  const file = basename(path).replace(/\.xml$/i, '');
  const base = file === 'descriptor' || file === '' ? basename(dirname(path)) : file;
  const id =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'moysklad-app';
  const name = id.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
  const firstUrl = /<sourceUrl>\s*([^<\s]+)\s*<\/sourceUrl>/.exec(xml)?.[1];
  const origin = firstUrl && URL.canParse(firstUrl) ? new URL(firstUrl).origin : 'https://invalid';
  return {
    id,
    name,
    vendor: { name, url: origin, email: 'support@example.com' },
    origin,
    ...MOYSKLAD_POINTS,
    writes: { customerorder: ['comment'] },
  };
}

/** Reads and checks one app source: a Plugboard manifest (JSON) or a MoySklad descriptor (XML). */
export async function checkApp(source: string, cwd: string): Promise<CheckedApp> {
  let text: string;
  try {
    text = await readSource(source, cwd);
  } catch (error) {
    return {
      source,
      kind: 'manifest',
      issues: [{ path: '(source)', message: `could not be read: ${(error as Error).message}` }],
      unsupported: [],
    };
  }
  if (text.trimStart().startsWith('<')) return checkDescriptor(source, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      source,
      kind: 'manifest',
      issues: [{ path: '(file)', message: `is not JSON: ${(error as Error).message}` }],
      unsupported: [],
    };
  }
  try {
    return {
      source,
      kind: 'manifest',
      manifest: validateManifest(json),
      issues: [],
      unsupported: [],
    };
  } catch (error) {
    if (!(error instanceof HostManifestError)) throw error;
    return { source, kind: 'manifest', issues: error.issues, unsupported: [] };
  }
}

function checkDescriptor(source: string, xml: string): CheckedApp {
  const options = moySkladDevOptions(source, xml);
  try {
    const conversion = convertMoySkladDescriptor(xml, options);
    return {
      source,
      kind: 'moysklad',
      manifest: conversion.manifest,
      moysklad: { xml, options },
      issues: [],
      unsupported: conversion.unsupported,
    };
  } catch (error) {
    if (error instanceof MoySkladDescriptorError || error instanceof HostManifestError) {
      return { source, kind: 'moysklad', issues: error.issues, unsupported: [] };
    }
    throw error;
  }
}

/** The app's problems as terminal lines, path by path. */
export function describe(app: CheckedApp): string[] {
  const name = app.manifest ? `${app.manifest.name} (${app.source})` : app.source;
  if (app.issues.length === 0) {
    return [
      `✓ ${name}`,
      ...app.unsupported.map((part) => `    not run here: ${part.path}: ${part.message}`),
    ];
  }
  return [
    `✗ ${name}`,
    ...app.issues.map((issue) => `    ${issue.path || '(manifest)'}: ${issue.message}`),
  ];
}
