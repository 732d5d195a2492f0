import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
export const APP_NAME = pkg.name;
export const APP_VERSION = pkg.version;
