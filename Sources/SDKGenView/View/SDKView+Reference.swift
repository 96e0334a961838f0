import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The reference pages as templates see them.
extension SDKView {
    func referencePageObject(_ page: ReferencePage) -> TemplateObject {
        [
            "path": .text(page.path),
            "title": .text(page.title),
            "overview": .text(page.overview),
            "operations": .list(page.operations) { operation in
                [
                    "name": .text(operation.name),
                    "anchor": .text(operation.anchor),
                    "summary": .text(operation.summary),
                    "description": .text(operation.description),
                    "usageExample": .text(operation.usageExample),
                    "callExample": .text(operation.callExample),
                    "parameters": .list(operation.parameters, row),
                    "responseType": .text(operation.responseType),
                    "responseLink": .text(operation.responseLink),
                    "errors": .list(operation.errors) { error in
                        ["errorCase": .text(error.errorCase), "statusCode": .text(error.statusCode), "contentType": .text(error.contentType)]
                    },
                ]
            },
        ]
    }

    func modelReferencePageObject(_ page: ModelReferencePage) -> TemplateObject {
        [
            "path": .text(page.path),
            "title": .text(page.title),
            "description": .text(page.description),
            "tableTitle": .text(page.tableTitle),
            "fields": .list(page.fields, row),
        ]
    }

    private func row(_ row: ReferenceRow) -> TemplateObject {
        [
            "name": .text(row.name),
            "type": .text(row.type),
            "required": .text(row.required),
            "description": .text(row.description),
            "example": .text(row.example),
        ]
    }
}
