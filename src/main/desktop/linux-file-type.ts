/**
 * File association on Linux desktops (freedesktop.org): registers the `*.factdesk.json` MIME type
 * and a desktop entry that starts Factdesk with the file, then makes Factdesk the default
 * application for that type, all for the current user (XDG_DATA_HOME / XDG_CONFIG_HOME). A double-
 * clicked file then reaches the app's command line, where src/main/electron/desktop-files.ts picks
 * it up. Run by `npm run desktop:install`; the directories and the command runner are arguments
 * so tests can point them at a temporary home.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

export const SHARED_FILE_MIME_TYPE = 'application/x-factdesk+json';
export const DESKTOP_FILE_NAME = 'factdesk.desktop';

export interface DesktopInstallOptions {
  /** $XDG_DATA_HOME (default ~/.local/share): applications/ and mime/ go below it. */
  dataHome: string;
  /** resources/linux/factdesk-mime.xml. */
  mimeXmlPath: string;
  /** The command that starts Factdesk, each element one argument; the file's path is appended. */
  launch: string[];
  /** Environment for the freedesktop tools (XDG_DATA_HOME, XDG_CONFIG_HOME…). */
  env: NodeJS.ProcessEnv;
}

export interface DesktopInstallReport {
  desktopEntry: string;
  mimePackage: string;
}

/** Desktop Entry Exec quoting: every argument in double quotes, with ", `, $ and \ escaped. */
const execArgument = (arg: string) => `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;

export function desktopEntry(launch: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Factdesk',
    'Comment=Offline workbench for fact-checkers',
    `Exec=${[...launch.map(execArgument), '%f'].join(' ')}`,
    'Terminal=false',
    'Categories=Office;',
    `MimeType=${SHARED_FILE_MIME_TYPE};`,
    ''
  ].join('\n');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, missingPackage: string): Result<void> {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.error) {
    const reason = (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? `not installed (Debian package ${missingPackage})` : result.error.message;
    return fail('internal', `${command}: ${reason}`);
  }
  if (result.status !== 0) return fail('internal', `${command} ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
  return ok(undefined);
}

export function installLinuxFileType(options: DesktopInstallOptions): Result<DesktopInstallReport> {
  const applications = join(options.dataHome, 'applications');
  const mimeRoot = join(options.dataHome, 'mime');
  const packages = join(mimeRoot, 'packages');
  mkdirSync(applications, { recursive: true });
  mkdirSync(packages, { recursive: true });
  const desktopPath = join(applications, DESKTOP_FILE_NAME);
  const mimePath = join(packages, 'factdesk.xml');
  writeFileSync(desktopPath, desktopEntry(options.launch));
  copyFileSync(options.mimeXmlPath, mimePath);
  const steps: [string, string[], string][] = [
    ['update-mime-database', [mimeRoot], 'shared-mime-info'],
    ['xdg-mime', ['default', DESKTOP_FILE_NAME, SHARED_FILE_MIME_TYPE], 'xdg-utils']
  ];
  for (const [command, args, debianPackage] of steps) {
    const result = run(command, args, options.env, debianPackage);
    if (!result.ok) return result;
  }
  return ok({ desktopEntry: desktopPath, mimePackage: mimePath });
}
