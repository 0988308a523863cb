import * as vscode from 'vscode';
import { sizeInMB } from '../core/fileHostsIndex';
import { kubernetesPreview, writtenHost, type KubernetesPreview, type WrittenHost } from '../core/kubernetesDns';
import { readManifest, type ManifestFile } from '../core/kubernetesManifest';
import type { HostMatch } from '../core/scanner';
import { documentLength } from './fileHostsScanner';
import { settings } from './settings';

/** The manifest read from a document, per version: hovers and code actions on the same text read it once. */
const manifests = new WeakMap<vscode.TextDocument, { version: number; file: ManifestFile | null }>();

/**
 * Manifests are YAML (Helm templates too, whose language may be `helm`); JSON manifests are not read. A file needs
 * `apiVersion:` and `kind:` at the start of a line to be read at all, and files over netlens.fileHosts.maxFileSizeMB
 * are left alone, as for the other automatic scans.
 */
function manifestOf(document: vscode.TextDocument): ManifestFile | null {
  const known = manifests.get(document);
  if (known && known.version === document.version) return known.file;
  let file: ManifestFile | null = null;
  const yaml = ['yaml', 'helm'].includes(document.languageId) || /\.(ya?ml|tpl)$/i.test(document.fileName);
  if (yaml && sizeInMB(documentLength(document)) <= settings.fileHostsMaxFileSizeMB()) {
    const text = document.getText();
    if (/^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) file = readManifest(text);
  }
  manifests.set(document, { version: document.version, file });
  return file;
}

/** What a pod would ask for the host of a match in a Kubernetes manifest, and where the host is written; else null. */
export function kubernetesPreviewFor(document: vscode.TextDocument, match: HostMatch): { preview: KubernetesPreview; written: WrittenHost } | null {
  const written = writtenHost(match, document.lineAt(match.line).text);
  if (!written) return null;
  const file = manifestOf(document);
  const preview = file && kubernetesPreview(file, match.line, written.name, settings.kubernetesClusterDomain());
  return preview ? { preview, written } : null;
}
