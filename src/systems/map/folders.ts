import type { SimClock } from '../../core/clock.ts';

/** A reference to a folder or a program (assets live in either). */
export interface FolderRef {
  readonly id: number;
  readonly type: 'Folder' | 'Program';
}

/** A folder of the simulated instance. Times are epoch ms. */
export interface Folder {
  readonly id: number;
  readonly name: string;
  readonly description: string | null;
  readonly parent: FolderRef | null;
  /** `Zone` for the roots, `Marketing Folder` under Marketing Activities, `List` under Lead Database. */
  readonly folderType: string;
  readonly path: string;
  readonly isArchive: boolean;
  readonly isSystem: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The folders every simulated instance starts with: the root areas and one working folder in each. */
export const SEED_FOLDERS = {
  marketingActivities: 1,
  leadDatabase: 2,
  designStudio: 3,
  programs: 4,
  groupLists: 5,
} as const;

/**
 * The folder tree of the simulated Marketo (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/assets/folders):
 * the Marketing Activities, Lead Database and Design Studio roots (system folders), a "Programs" folder under
 * Marketing Activities and a "Group Lists" folder under Lead Database. Ids come from a counter.
 */
export class Folders {
  readonly #clock: SimClock;
  readonly #folders = new Map<number, Folder>();

  constructor(clock: SimClock) {
    this.#clock = clock;
    this.#add('Marketing Activities', null, 'Zone', true, 'Root node for the Marketing Activities app area');
    this.#add('Lead Database', null, 'Zone', true, 'Root node for the Lead Database app area');
    this.#add('Design Studio', null, 'Zone', true, 'Root node for the Design Studio app area');
    this.#add('Programs', { id: SEED_FOLDERS.marketingActivities, type: 'Folder' }, 'Marketing Folder', false, null);
    this.#add('Group Lists', { id: SEED_FOLDERS.leadDatabase, type: 'Folder' }, 'List', false, null);
  }

  /** The folder with this id, or undefined. */
  get(id: number): Folder | undefined {
    return this.#folders.get(id);
  }

  /** Every folder, in id order. */
  all(): Folder[] {
    return [...this.#folders.values()];
  }

  /** Creates a folder under an existing folder (the caller checks the parent exists). */
  create(name: string, parent: FolderRef, description: string | null): Folder {
    const parentFolder = parent.type === 'Folder' ? this.#folders.get(parent.id) : undefined;
    const folderType = parentFolder?.folderType === 'Zone' ? (parentFolder.name === 'Lead Database' ? 'List' : 'Marketing Folder') : (parentFolder?.folderType ?? 'Marketing Folder');
    return this.#add(name, parent, folderType, false, description);
  }

  /** Changes a folder's name, description or archive flag. */
  update(id: number, changes: { name?: string; description?: string | null; isArchive?: boolean }): Folder | undefined {
    const folder = this.#folders.get(id);
    if (!folder) return undefined;
    const next: Folder = { ...folder, ...changes, updatedAt: this.#clock.now() };
    this.#folders.set(id, next);
    return next;
  }

  /** Deletes a folder; false when there is none. */
  delete(id: number): boolean {
    return this.#folders.delete(id);
  }

  /** Every folder, copied (folders are immutable): for a world snapshot. */
  snapshot(): readonly Folder[] {
    return this.all();
  }

  /** Puts back what {@link snapshot} took. */
  restore(folders: readonly Folder[]): void {
    this.#folders.clear();
    for (const folder of folders) this.#folders.set(folder.id, folder);
  }

  #add(name: string, parent: FolderRef | null, folderType: string, isSystem: boolean, description: string | null): Folder {
    const id = Math.max(0, ...this.#folders.keys()) + 1;
    const parentPath = parent?.type === 'Folder' ? (this.#folders.get(parent.id)?.path ?? '') : '';
    const now = this.#clock.now();
    const folder: Folder = { id, name, description, parent, folderType, path: `${parentPath}/${name}`, isArchive: false, isSystem, createdAt: now, updatedAt: now };
    this.#folders.set(id, folder);
    return folder;
  }
}
