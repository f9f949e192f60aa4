/**
 * The Open Terms Archive documents the collective follows: Meta's services in two collections, the Platform
 * Governance Archive (`pga-versions`: EU terms, in English) and France (`france-versions`: in French). Each
 * version of a document is a commit in that repository, at `<Service>/<Document type>.md`.
 *
 * Checked, when this list was made, against an index of the collections' repositories (the file lists of
 * OpenTermsArchive/pga-versions and france-versions, the declarations in pga-declarations and
 * france-declarations), not against GitHub itself, which this workplace cannot reach. That index lists every file a repository ever had, so a document OTA stopped tracking
 * may still be listed; its feed then only stops announcing. Messenger is in neither collection (no
 * declaration, no versions), and Threads only in the PGA one. WhatsApp's "Trackers Policy" is declared in
 * pga-declarations but had no recorded version: it is left out.
 */
export type OtaCollectionId = 'pga' | 'france';

export interface OtaCollection {
  id: OtaCollectionId;
  /** The versions repository under github.com/OpenTermsArchive. */
  repo: string;
  /** The language of its documents. */
  language: 'en' | 'fr';
  title: string;
}

export const OTA_COLLECTIONS: Record<OtaCollectionId, OtaCollection> = {
  pga: { id: 'pga', repo: 'pga-versions', language: 'en', title: 'Open Terms Archive — Platform Governance Archive (UE)' },
  france: { id: 'france', repo: 'france-versions', language: 'fr', title: 'Open Terms Archive — France' },
};

/** OTA's document types (its terms-types list), those that Meta's services have in these collections. */
export const OTA_DOCUMENT_TYPES = [
  'Terms of Service',
  'Privacy Policy',
  'Community Guidelines',
  'Commercial Terms',
  'Advertising Content Policy',
  'Content Monetisation Policy',
  'Trackers Policy',
  'Developer Terms',
  'Live Policy',
] as const;
export type OtaDocumentType = (typeof OTA_DOCUMENT_TYPES)[number];

/** How Meta itself names these documents in French, where it does ("Standards de la communauté"). */
export const DOCUMENT_LABELS_FR: Record<OtaDocumentType, string> = {
  'Terms of Service': 'Conditions d’utilisation',
  'Privacy Policy': 'Politique de confidentialité',
  'Community Guidelines': 'Standards de la communauté',
  'Commercial Terms': 'Conditions commerciales',
  'Advertising Content Policy': 'Standards publicitaires',
  'Content Monetisation Policy': 'Règles de monétisation du contenu',
  'Trackers Policy': 'Politique relative aux cookies',
  'Developer Terms': 'Conditions de la plateforme pour les développeurs',
  'Live Policy': 'Règles des vidéos en direct',
};

export interface OtaService {
  /** The service id, as in OTA's file paths ("Facebook"). */
  service: string;
  documents: readonly OtaDocumentType[];
}

export const OTA_CATALOG: Record<OtaCollectionId, readonly OtaService[]> = {
  pga: [
    {
      service: 'Facebook',
      documents: ['Terms of Service', 'Privacy Policy', 'Community Guidelines', 'Commercial Terms', 'Advertising Content Policy', 'Trackers Policy', 'Developer Terms', 'Live Policy'],
    },
    {
      service: 'Instagram',
      documents: ['Terms of Service', 'Privacy Policy', 'Community Guidelines', 'Advertising Content Policy', 'Content Monetisation Policy', 'Trackers Policy', 'Developer Terms'],
    },
    { service: 'WhatsApp', documents: ['Terms of Service', 'Privacy Policy'] },
    { service: 'Threads', documents: ['Terms of Service', 'Privacy Policy'] },
  ],
  france: [
    { service: 'Facebook', documents: ['Terms of Service', 'Privacy Policy'] },
    { service: 'Instagram', documents: ['Terms of Service', 'Privacy Policy'] },
    { service: 'WhatsApp', documents: ['Terms of Service', 'Privacy Policy'] },
  ],
};

/** A document type in the reader's language; a type outside the list keeps OTA's English name. */
export function documentLabel(type: string, language: 'en' | 'fr'): string {
  if (language === 'en') return type;
  return (DOCUMENT_LABELS_FR as Record<string, string>)[type] ?? type;
}
