/** What the reader knows before it reads: the loaded forces, inspections and recommendations. */
export interface ReadingReference {
  forces: readonly { force_id: string; name: string; aliases: readonly string[] }[];
  inspections: readonly { inspection_id: string; title: string; published: string | null; source_url: string | null }[];
  recommendations: readonly {
    inspection_id: string;
    rec_no: number;
    text: string | null;
    addressee: string | null;
    for_forces: boolean;
    due_text: string | null;
  }[];
}
