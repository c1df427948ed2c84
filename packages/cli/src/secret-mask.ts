import { CONFIG_VARIABLES, type EnvMap, parseOtlpHeaders } from '@lambda-otel-kit/core';

/** Variable names that hold credentials even when the kit does not read them. */
const SECRET_NAME = /(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;
/** Shorter strings are too likely to occur by chance to be masked everywhere. */
const MIN_SECRET_LENGTH = 4;

const SECRET_VARIABLES = new Set(
  CONFIG_VARIABLES.filter((variable) => variable.secret).map((variable) => variable.name),
);

function urlSecrets(value: string): string[] {
  try {
    const url = new URL(value);
    return [
      decodeURIComponent(url.username),
      decodeURIComponent(url.password),
      url.username,
      url.password,
      ...url.searchParams.values(),
    ];
  } catch {
    return [];
  }
}

/**
 * Collects the secret strings an environment holds: values of the variables the kit marks
 * secret (`OTEL_EXPORTER_OTLP_HEADERS`, `CX_TOKEN`, `DD_API_KEY`, …) and each header value in
 * them (raw and percent-decoded), values of variables named like a credential (`*_KEY`,
 * `*_TOKEN`, …), and user names, passwords and query values of endpoint URLs.
 *
 * @param env - the environment a function starts with.
 * @returns the strings to mask, longest first.
 * @example
 * ```ts
 * secretValues({ OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=s3cr3t' }); // ['x-api-key=s3cr3t', 's3cr3t']
 * ```
 */
export function secretValues(env: EnvMap): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    if (SECRET_VARIABLES.has(name) || SECRET_NAME.test(name)) {
      found.add(value);
      if (name.includes('HEADERS')) {
        for (const entry of value.split(',')) {
          const raw = entry.slice(entry.indexOf('=') + 1).trim();
          if (entry.includes('=')) found.add(raw);
        }
        for (const header of Object.values(parseOtlpHeaders(value).headers)) {
          found.add(header);
          // `Bearer abc`: the credential part alone must not leak either.
          const credential = header.split(' ').at(-1);
          if (credential !== undefined) found.add(credential);
        }
      }
    }
    if (name.includes('ENDPOINT') || /^https?:\/\//i.test(value)) {
      for (const part of urlSecrets(value)) found.add(part);
    }
  }
  return [...found]
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * Returns a function that replaces every occurrence of the given secrets with `***`. The CLI
 * passes everything it prints (the function's output, responses, errors, diagnosis) through it.
 *
 * @param secrets - strings to hide, e.g. from {@link secretValues}.
 * @example
 * ```ts
 * const mask = createMasker(['s3cr3t']);
 * mask('key is s3cr3t'); // 'key is ***'
 * ```
 */
export function createMasker(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets)]
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of list) out = out.split(secret).join('***');
    return out;
  };
}
