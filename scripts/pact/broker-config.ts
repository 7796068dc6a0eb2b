/**
 * What the broker steps need from the environment. Kept apart from the script so a test can
 * check the decisions without a broker.
 */
export interface BrokerConfig {
  baseUrl: string;
  /** Passed to the pact-broker CLI through its own environment variable, never as an argument. */
  token: string;
  version: string;
  branch: string;
}

export type BrokerSetting =
  | { configured: true; config: BrokerConfig }
  | { configured: false; message: string };

/** The broker settings, or the message saying which variables would turn the step on. */
export function brokerSetting(env: Readonly<Record<string, string | undefined>>): BrokerSetting {
  const missing = ['PACT_BROKER_BASE_URL', 'PACT_BROKER_TOKEN'].filter((name) => !env[name]);
  if (missing.length > 0) {
    return {
      configured: false,
      message: `Pact Broker not configured (${missing.join(' and ')} unset); nothing published. Set both to publish contracts and verification results.`,
    };
  }
  return {
    configured: true,
    config: {
      baseUrl: env.PACT_BROKER_BASE_URL ?? '',
      token: env.PACT_BROKER_TOKEN ?? '',
      version: env.PACT_VERSION || env.GITHUB_SHA || 'local',
      branch: env.PACT_BRANCH || env.GITHUB_REF_NAME || 'main',
    },
  };
}

export const CONSUMER_NAME = 'error-contracts-client';

/** The broker environment can-i-deploy asks about; it must exist in the broker. */
export const DEPLOY_ENVIRONMENT = 'production';

/**
 * Records that a pacticipant's version is what runs in the environment. The providers here are
 * the simulated vendors, verified at this commit, so each is recorded as deployed before
 * can-i-deploy asks whether the client may join them; without a recorded provider the broker
 * could never answer yes.
 */
export function recordDeploymentArgs(pacticipant: string, config: BrokerConfig): string[] {
  return [
    'record-deployment',
    '--pacticipant',
    pacticipant,
    '--version',
    config.version,
    '--environment',
    DEPLOY_ENVIRONMENT,
  ];
}

/** pact-broker CLI arguments for a step; the URL and token travel in its environment. */
export function brokerArgs(step: 'publish' | 'can-i-deploy', config: BrokerConfig, dir: string): string[] {
  if (step === 'publish') {
    return ['publish', dir, '--consumer-app-version', config.version, '--branch', config.branch];
  }
  return [
    'can-i-deploy',
    '--pacticipant',
    CONSUMER_NAME,
    '--version',
    config.version,
    '--to-environment',
    DEPLOY_ENVIRONMENT,
    '--retry-while-unknown',
    '6',
    '--retry-interval',
    '10',
  ];
}
