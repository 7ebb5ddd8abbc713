"""``teikit build``: a whole static edition from a folder of documents.

:func:`build_site` plans the work (:mod:`.plan`), runs each changed document
through the stages in worker processes (:mod:`.worker`), writes the site's
own pages (:mod:`.pages`, :mod:`.search`, :mod:`.corpus`) and swaps the new
site in atomically (:mod:`.folder`). :func:`merge_sites` combines the outputs
of ``--shard`` builds into one site (:mod:`.merge`).
"""

from .build import Summary, build_site, bundled_source_dir
from .folder import MANIFEST
from .merge import merge_sites
from ..shard import parse_shard, shard_of
from .plan import select_shard

__all__ = ["MANIFEST", "Summary", "build_site", "bundled_source_dir", "merge_sites",
           "parse_shard", "select_shard", "shard_of"]
