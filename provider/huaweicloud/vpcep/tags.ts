/** VPCEP tags: the field every VPCEP resource declares, changed through BatchAddOrDeleteResourceTags. */
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { tags } from "../inputs";
import { tagsField as huaweiTagsField } from "../tags";

/**
 * The `tags` input of a VPCEP resource: sent with the create request, read back without the
 * creation marker, changed through the tag API.
 */
export function tagsField<W>(type: vpcep.TagResourceType, of: (w: W) => vpcep.Tag[] | undefined) {
    return huaweiTagsField<W>(tags, of, (c, id, request, budget) => vpcep.batchAddOrDeleteResourceTags(c, type, id, request, { signal: budget.signal }));
}
